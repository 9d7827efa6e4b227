with figures as (
    select * from {{ ref('int_figures_periods_matched') }}
    -- A syndicated copy repeats its original: counted once, under the original.
    where is_crime_metric and not is_near_duplicate
),

bounded_figures as (
    select
        *,
        {{ figure_lower_bound('value', 'qualifier') }} as value_lower,
        {{ figure_upper_bound('value', 'qualifier') }} as value_upper,
        value = max(value) over (
            partition by story_id, outlet, metric, metric_family, counted_group, location, period_key, attributed_to
        ) as is_largest
    from figures
),

roles as (
    select * from {{ ref('actor_roles') }}
),

claims as (
    select
        story_id,
        outlet,
        metric,
        metric_family,
        counted_group,
        location,
        period_key,
        any_value(period_label) as period_label,
        any_value(comparison_period_start) as period_start,
        any_value(comparison_period_end) as period_end,
        attributed_to,
        -- A source that gives several values for one key is represented by the largest.
        max(value) as value,
        -- The range of that largest value (the widest, when it is given twice with different qualifiers).
        min(value_lower) filter (where is_largest) as value_lower,
        max(value_upper) filter (where is_largest) as value_upper,
        string_agg(distinct qualifier, ', ' order by qualifier) as qualifiers,
        min(sentence) as sentence
    from bounded_figures
    group by story_id, outlet, metric, metric_family, counted_group, location, period_key, attributed_to
),

attributed as (
    select
        claims.*,
        -- Every grouping key, story included: one outlet makes the same claim in two stories.
        -- concat_ws skips nulls, so a missing part is written as '' to keep the positions.
        md5(concat_ws(
            '|', claims.story_id, coalesce(claims.outlet, ''), claims.metric, coalesce(claims.counted_group, ''),
            coalesce(claims.location, ''), claims.period_key, coalesce(claims.attributed_to, '')
        )) as claim_id,
        {{ attribution_role('claims.attributed_to', 'claims.outlet', 'roles.role') }} as attribution_role
    from claims
    left join roles on claims.attributed_to = roles.actor
)

select * from attributed
