with figures as (
    select * from {{ ref('stg_nlp__figures') }}
),

articles as (
    select * from {{ ref('int_articles_labelled') }}
),

metrics as (
    select * from {{ ref('crime_metrics') }}
),

figures_in_stories as (
    select
        -- A figure the article tells in its own voice is attributed to its outlet as the
        -- input named it; it is the outlet's under the name the marts give the outlet.
        figures.* replace (
            case
                when figures.attributed_to = articles.outlet then articles.outlet_label
                else figures.attributed_to
            end as attributed_to
        ),
        articles.story_id,
        articles.outlet_label as outlet,
        articles.published_date,
        articles.is_near_duplicate,
        coalesce(metrics.is_crime_metric, false) as is_crime_metric,
        coalesce(metrics.metric_family, 'other') as metric_family
    from figures
    inner join articles on figures.article_id = articles.article_id
    left join metrics on figures.metric = metrics.metric
),

-- The period a phrase ("this_year") resolves to in the dated articles of a story,
-- where all of them agree on it. It depends only on the publication dates, not on
-- the metric: "last year" in the 30 June 2017 articles is 2016 for any figure.
story_periods as (
    select
        story_id,
        period_label,
        min(period_start) as period_start,
        max(period_end) as period_end
    from figures_in_stories
    where period_start is not null and period_label is not null
    group by story_id, period_label
    having count(distinct period_start) = 1 and count(distinct period_end) = 1
),

matched as (
    select
        figures_in_stories.*,
        coalesce(figures_in_stories.period_start, story_periods.period_start) as comparison_period_start,
        coalesce(figures_in_stories.period_end, story_periods.period_end) as comparison_period_end,
        case
            when figures_in_stories.period_start is not null then 'article'
            when story_periods.period_start is not null then 'story'
        end as period_source
    from figures_in_stories
    left join story_periods
        on
            figures_in_stories.period_start is null
            and figures_in_stories.story_id = story_periods.story_id
            and figures_in_stories.period_label = story_periods.period_label
),

keyed as (
    select
        *,
        case
            when comparison_period_start is not null
                then comparison_period_start::varchar || '..' || coalesce(comparison_period_end::varchar, '')
            else 'unresolved:' || coalesce(period_label, 'none')
        end as period_key
    from matched
)

select * from keyed
