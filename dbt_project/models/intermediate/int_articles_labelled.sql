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

outlets as (
    select
        lower(domain) as outlet_domain,
        outlet
    from {{ ref('outlets') }}
),

-- The outlet the catalog names for the article's web address: one name for an
-- outlet whatever the input calls it ("Fox Online News", "Fox News (Online)" and
-- a columnist's name are all foxnews.com). The greedy prefix takes the archived
-- address inside an archive.org one; a subdomain counts as its domain.
article_hosts as (
    select
        article_id,
        regexp_extract(lower(url), '.*://([^/:?#]+)', 1) as url_host
    from articles
    where url is not null
),

catalogued_outlets as (
    select
        article_hosts.article_id,
        outlets.outlet
    from article_hosts
    inner join outlets
        on
            article_hosts.url_host = outlets.outlet_domain
            or article_hosts.url_host like '%.' || outlets.outlet_domain
    qualify row_number() over (partition by article_hosts.article_id order by length(outlets.outlet_domain) desc) = 1
),

labelled as (
    select
        articles.*,
        -- A correction wins over grouping; an article not grouped yet stands for itself.
        coalesce(
            story_corrections.story_id, stories.story_id, 'story_' || articles.article_id
        ) as story_id,
        story_corrections.article_id is not null as is_story_corrected,
        -- Comparison marts need a name for every source: the catalog's for the
        -- article's address, else the outlet given; an article with no known
        -- outlet stands for itself rather than being merged with other unknowns.
        coalesce(
            catalogued_outlets.outlet, articles.outlet, '(unknown outlet) ' || articles.source_uri
        ) as outlet_label,
        near_duplicates.original_article_id,
        near_duplicates.article_id is not null as is_near_duplicate
    from articles
    left join stories on articles.article_id = stories.article_id
    left join near_duplicates on articles.article_id = near_duplicates.article_id
    left join story_corrections on articles.article_id = story_corrections.article_id
    left join catalogued_outlets on articles.article_id = catalogued_outlets.article_id
)

select * from labelled
