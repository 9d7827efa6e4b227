with coverage as (
    select * from {{ ref('actor_coverage_by_source') }}
),

stories as (
    select * from {{ ref('dim_stories') }}
),

quoted_by_outlets as (
    select
        story_id,
        actor,
        count(distinct outlet) filter (where quotes > 0) as n_outlets_quoting,
        count(distinct outlet) as n_outlets_mentioning
    from coverage
    group by story_id, actor
),

exclusive as (
    select
        coverage.story_id,
        coverage.outlet,
        coverage.actor,
        coverage.actor_type,
        coverage.quotes,
        coverage.quote_share,
        -- Other outlets of the story that name the actor but do not quote them.
        quoted_by_outlets.n_outlets_mentioning - 1 as other_outlets_mentioning,
        stories.n_outlets - 1 as other_outlets
    from coverage
    inner join quoted_by_outlets
        on
            coverage.story_id = quoted_by_outlets.story_id
            and coverage.actor = quoted_by_outlets.actor
    inner join stories on coverage.story_id = stories.story_id
    where
        coverage.quotes > 0
        and quoted_by_outlets.n_outlets_quoting = 1
        and stories.n_outlets > 1
)

select * from exclusive
