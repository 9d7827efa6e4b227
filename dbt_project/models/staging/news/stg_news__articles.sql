with source as (
    select * from {{ source('news', 'articles') }}
),

renamed as (
    select
        article_id,
        source_article_id,
        source_uri,
        nullif(trim(outlet), '') as outlet,
        published_date,
        nullif(trim(title), '') as title,
        url,
        is_lowercased,
        length(clean_text) as text_length,
        load_id
    from source
)

select * from renamed
