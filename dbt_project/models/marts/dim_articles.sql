with articles as (
    select * from {{ ref('int_articles_labelled') }}
),

final as (
    select
        article_id,
        source_article_id,
        source_uri,
        outlet,
        outlet_label,
        published_date,
        title,
        url,
        story_id,
        is_story_corrected,
        is_near_duplicate,
        original_article_id,
        is_lowercased,
        text_length
    from articles
)

select * from final
