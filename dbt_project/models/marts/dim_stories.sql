with articles as (
    select * from {{ ref('int_articles_labelled') }}
),

-- The story's headline: the title of its earliest article that has one (dated before
-- undated, then by outlet and file, as the coverage report lists the articles).
titled as (
    select
        story_id,
        title,
        row_number() over (
            partition by story_id
            order by published_date asc nulls last, outlet_label asc, source_uri asc
        ) as title_rank
    from articles
    where title is not null
),

stories as (
    select
        story_id,
        count(*) as n_articles,
        count(distinct outlet_label) as n_outlets,
        min(published_date) as first_published_date,
        max(published_date) as last_published_date,
        string_agg(distinct outlet_label, '; ' order by outlet_label) as outlets
    from articles
    group by story_id
)

select
    stories.*,
    titled.title
from stories
left join titled on stories.story_id = titled.story_id and titled.title_rank = 1
