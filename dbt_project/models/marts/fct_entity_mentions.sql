with mentions as (
    select * from {{ ref('stg_nlp__entity_mentions') }}
),

articles as (
    select * from {{ ref('int_articles_labelled') }}
),

final as (
    select
        mentions.mention_id,
        mentions.article_id,
        articles.story_id,
        articles.outlet_label as outlet,
        mentions.entity,
        mentions.entity_type,
        mentions.mention_text,
        mentions.start_char,
        mentions.end_char,
        mentions.extractor_version
    from mentions
    inner join articles on mentions.article_id = articles.article_id
)

select * from final
