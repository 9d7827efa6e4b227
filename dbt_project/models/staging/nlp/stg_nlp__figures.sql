with source as (
    select * from {{ source('nlp', 'figures') }}
),

renamed as (
    select
        article_id || '-' || lpad(ordinal::varchar, 5, '0') as figure_id,
        article_id,
        ordinal,
        value,
        metric,
        counted_noun,
        counted_group,
        qualifier,
        period_label,
        period_start,
        period_end,
        location,
        attributed_to,
        mention_text,
        sentence,
        start_char,
        end_char,
        in_headline,
        extractor_version
    from source
)

select * from renamed
