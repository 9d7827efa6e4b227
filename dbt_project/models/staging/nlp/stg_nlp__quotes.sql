with source as (
    select * from {{ source('nlp', 'quotes') }}
),

renamed as (
    select
        article_id || '-' || lpad(ordinal::varchar, 5, '0') as quote_id,
        article_id,
        ordinal,
        speaker,
        quote_text,
        start_char,
        end_char,
        extractor_version
    from source
)

select * from renamed
