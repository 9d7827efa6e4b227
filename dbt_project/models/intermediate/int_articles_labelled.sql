with articles as (
    select * from {{ ref('stg_news__articles') }}
),

stories as (
    select * from {{ ref('stg_news__article_stories') }}
),

near_duplicates as (
    select * from {{ ref('stg_news__near_duplicates') }}
),

story_corrections as (
    select * from {{ ref('story_corrections') }}
),

labelled as (
    select
        articles.*,
        -- A correction wins over grouping; an article not grouped yet stands for itself.
        coalesce(
            story_corrections.story_id, stories.story_id, 'story_' || articles.article_id
        ) as story_id,
        story_corrections.article_id is not null as is_story_corrected,
        -- Comparison marts need a name for every source: an article with no known
        -- outlet stands for itself rather than being merged with other unknowns.
        coalesce(articles.outlet, '(unknown outlet) ' || articles.source_uri) as outlet_label,
        near_duplicates.original_article_id,
        near_duplicates.article_id is not null as is_near_duplicate
    from articles
    left join stories on articles.article_id = stories.article_id
    left join near_duplicates on articles.article_id = near_duplicates.article_id
    left join story_corrections on articles.article_id = story_corrections.article_id
)

select * from labelled
