with source as (
    select * from {{ source('news', 'article_stories') }}
),

renamed as (
    select
        article_id,
        story_id,
        similarity as story_similarity,
        matched_article_id
    from source
)

select * from renamed
