with source as (
    select * from {{ source('news', 'near_duplicates') }}
),

renamed as (
    select
        article_id,
        original_article_id,
        distance as simhash_distance,
        similarity as shingle_similarity
    from source
)

select * from renamed
