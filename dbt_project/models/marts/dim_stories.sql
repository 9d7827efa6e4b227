with articles as (
    select * from {{ ref('int_articles_labelled') }}
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

select * from stories
