with quotes as (
    select * from {{ ref('stg_nlp__quotes') }}
),

articles as (
    select * from {{ ref('int_articles_labelled') }}
),

final as (
    select
        quotes.quote_id,
        quotes.article_id,
        articles.story_id,
        articles.outlet_label as outlet,
        quotes.speaker,
        quotes.quote_text,
        quotes.start_char,
        quotes.end_char,
        quotes.extractor_version
    from quotes
    inner join articles on quotes.article_id = articles.article_id
)

select * from final
