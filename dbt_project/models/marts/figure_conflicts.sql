{%- set official_roles = "('police', 'government', 'research')" -%}

with attributed_claims as (
    select * from {{ ref('int_crime_claims_attributed') }}
),

-- Which claim of a pair is side a: a politician's, else the first by outlet, metric
-- and source, so that the explanation reads the same way on every build.
claims as (
    select
        *,
        concat_ws(
            '|',
            case when attribution_role = 'politician' then '0' else '1' end,
            outlet, metric, coalesce(attributed_to, ''), claim_id
        ) as side_key
    from attributed_claims
),

-- Two claims of one story about the same kind of count (metric family), of the same people (counted
-- group: "4 Israelis" and "138 Palestinians" are not compared), place and period.
pairs as (
    select
        claim_a.story_id,
        claim_a.metric_family,
        claim_a.counted_group,
        claim_a.location,
        claim_a.period_start,
        claim_a.period_end,
        claim_a.period_label,
        claim_a.outlet as outlet_a,
        claim_a.metric as metric_a,
        claim_a.value as value_a,
        claim_a.qualifiers as qualifiers_a,
        claim_a.attributed_to as attributed_to_a,
        claim_a.attribution_role as attribution_role_a,
        claim_b.outlet as outlet_b,
        claim_b.metric as metric_b,
        claim_b.value as value_b,
        claim_b.qualifiers as qualifiers_b,
        claim_b.attributed_to as attributed_to_b,
        claim_b.attribution_role as attribution_role_b,
        {{ ranges_overlap('claim_a.value_lower', 'claim_a.value_upper', 'claim_b.value_lower', 'claim_b.value_upper') }}
            as values_agree
    from claims as claim_a
    inner join claims as claim_b
        on
            claim_a.story_id = claim_b.story_id
            and claim_a.metric_family = claim_b.metric_family
            and claim_a.counted_group is not distinct from claim_b.counted_group
            and claim_a.location is not distinct from claim_b.location
            and claim_a.period_key = claim_b.period_key
            and claim_a.side_key < claim_b.side_key
),

classified as (
    select
        *,
        case
            when metric_a != metric_b and values_agree then 'metric_framing'
            when
                not values_agree
                and (
                    (attribution_role_a = 'politician' and attribution_role_b in {{ official_roles }})
                    or (attribution_role_b = 'politician' and attribution_role_a in {{ official_roles }})
                )
                then 'politician_vs_official'
            when metric_a = metric_b and outlet_a != outlet_b and not values_agree then 'value_conflict'
        end as conflict_type
    from pairs
),

explained_pairs as (
    select
        story_id,
        conflict_type,
        metric_family,
        counted_group,
        location,
        period_start,
        period_end,
        period_label,
        outlet_a,
        metric_a,
        value_a,
        qualifiers_a,
        attributed_to_a,
        attribution_role_a,
        outlet_b,
        metric_b,
        value_b,
        qualifiers_b,
        attributed_to_b,
        attribution_role_b,
        case conflict_type
            when 'metric_framing' then 'the same number framed as different metrics'
            when 'politician_vs_official' then 'a politician''s figure beside an official one'
            when 'value_conflict' then 'same metric, place and period, different values'
        end
        -- whom both counts count, when the text names a people: "... different values (Israeli dead or hurt): "
        || coalesce(' (' || upper(left(counted_group, 1)) || substr(counted_group, 2) || ' dead or hurt)', '')
        || ': '
        || {{ describe_claim('outlet_a', 'value_a', 'metric_a', 'attributed_to_a', 'attribution_role_a') }}
        || '; '
        || {{ describe_claim('outlet_b', 'value_b', 'metric_b', 'attributed_to_b', 'attribution_role_b') }}
            as explanation
    from classified
    where conflict_type is not null
),

-- A figure that outlets compare (another claim of its family, place and period
-- exists in the story) but that its outlet states without naming a source.
unattributed as (
    select
        claims.story_id,
        'unattributed' as conflict_type,
        claims.metric_family,
        claims.counted_group,
        claims.location,
        claims.period_start,
        claims.period_end,
        claims.period_label,
        claims.outlet as outlet_a,
        claims.metric as metric_a,
        claims.value as value_a,
        claims.qualifiers as qualifiers_a,
        claims.attributed_to as attributed_to_a,
        claims.attribution_role as attribution_role_a,
        null as outlet_b,
        null as metric_b,
        null::double as value_b,
        null as qualifiers_b,
        null as attributed_to_b,
        null as attribution_role_b,
        'a figure with no attribution: '
        || {{ describe_claim(
            'claims.outlet', 'claims.value', 'claims.metric', 'claims.attributed_to', 'claims.attribution_role'
        ) }}
            as explanation
    from claims
    where
        claims.attribution_role = 'outlet'
        and exists (
            select other_claims.claim_id
            from claims as other_claims
            where
                other_claims.story_id = claims.story_id
                and other_claims.metric_family = claims.metric_family
                and other_claims.counted_group is not distinct from claims.counted_group
                and other_claims.location is not distinct from claims.location
                and other_claims.period_key = claims.period_key
                and other_claims.claim_id != claims.claim_id
        )
),

final as (
    select * from explained_pairs
    union all
    select * from unattributed
)

select * from final
