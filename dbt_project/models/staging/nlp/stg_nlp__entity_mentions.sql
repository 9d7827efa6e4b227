with source as (
    select * from {{ source('nlp', 'entity_mentions') }}
),

renamed as (
    select
        article_id || '-' || lpad(ordinal::varchar, 5, '0') as mention_id,
        article_id,
        ordinal,
        entity,
        entity_type,
        mention_text,
        start_char,
        end_char,
        extractor_version
    from source
)

select * from renamed
