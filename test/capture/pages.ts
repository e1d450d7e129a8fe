/**
 * Posting pages built from the schema.org vocabulary in the shapes job boards and applicant tracking systems
 * publish (Greenhouse, Lever, Ashby, Workday, Welcome to the Jungle, LinkedIn), for the capture tests.
 */
export function page({ jsonLd = [], head = '', body = '' }: { jsonLd?: (object | string)[]; head?: string; body?: string }): string {
  const scripts = jsonLd
    .map((block) => `<script type="application/ld+json">${typeof block === 'string' ? block : JSON.stringify(block)}</script>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8">${head}${scripts}</head><body>${body}</body></html>`;
}

export const greenhouse = page({
  head: '<title>Job Application for Senior Backend Engineer at Acme</title>',
  jsonLd: [
    {
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Senior Backend Engineer',
      hiringOrganization: { '@type': 'Organization', name: 'Acme', logo: 'https://s3.example/acme.png' },
      jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Berlin', addressRegion: 'Berlin', addressCountry: 'DE' } },
      datePosted: '2026-11-20',
      employmentType: 'FULL_TIME',
      // Greenhouse encodes the description's HTML once more.
      description:
        '&lt;p&gt;We build &lt;strong&gt;payments&lt;/strong&gt; &amp;amp; ledgers.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Go&lt;/li&gt;&lt;li&gt;PostgreSQL&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;a href="/acme/jobs/4001#app"&gt;Apply&lt;/a&gt;&lt;/p&gt;',
    },
  ],
});

export const lever = page({
  head: '<title>Acme - Product Designer</title><meta property="og:title" content="Acme - Product Designer">',
  jsonLd: [
    {
      '@context': 'http://schema.org',
      '@type': 'JobPosting',
      title: 'Product Designer',
      hiringOrganization: { '@type': 'Organization', name: 'Acme', logo: { '@type': 'ImageObject', url: 'https://lever-client-logos.example/acme.png' } },
      jobLocation: [
        { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'London', addressCountry: 'United Kingdom' } },
        { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Lisbon', addressCountry: 'Portugal' } },
      ],
      employmentType: 'Part-time',
      datePosted: '2026-10-01T09:12:00.000Z',
      description: '<div><h3>About the role</h3><p>Design <a href="https://acme.example/design">our system</a>.<br>Work with <b>research</b>.</p></div>',
    },
  ],
});

export const ashby = page({
  jsonLd: [
    {
      '@context': 'https://schema.org/',
      '@type': ['JobPosting'],
      title: 'Staff Software Engineer, Infrastructure',
      hiringOrganization: { '@type': 'Organization', name: 'Nimbus', sameAs: 'https://nimbus.example' },
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: { '@type': 'Country', name: 'United States' },
      employmentType: ['FULL_TIME'],
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'USD',
        value: { '@type': 'QuantitativeValue', minValue: 180000, maxValue: 220000, unitText: 'YEAR' },
      },
      datePosted: '2026-11-30',
      validThrough: '2027-01-31T23:59:59Z',
      directApply: true,
      description: '<p>Remote in the US.</p>',
    },
  ],
});

/** Workday writes its JSON-LD by hand: raw line breaks inside strings and a trailing comma. */
export const workday = page({
  head: '<link rel="canonical" href="https://acme.wd3.myworkdayjobs.com/en-US/External/job/Paris/Consultant_R-12345">',
  jsonLd: [
    `{
  "@context": "http://schema.org",
  "@type": "JobPosting",
  "title": "Consultant SAP",
  "identifier": { "@type": "PropertyValue", "name": "Acme", "value": "R-12345" },
  "datePosted": "2026-11-02",
  "employmentType": "CONTRACTOR",
  "hiringOrganization": { "@type": "Organization", "name": "Acme Group" },
  "jobLocation": { "@type": "Place", "address": { "@type": "PostalAddress", "addressLocality": "Paris", "addressCountry": { "@type": "Country", "name": "France" } } },
  "description": "Line one
Line two",
}`,
  ],
});

/** Welcome to the Jungle: an @graph where the posting points to its organisation by @id; French words and entities. */
export const welcomeToTheJungle = page({
  head: '<meta property="og:site_name" content="Welcome to the Jungle">',
  jsonLd: [
    {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': 'https://www.welcometothejungle.com/fr/companies/lumen#org', name: 'Lumen', url: 'https://lumen.example', logo: 'https://cdn.example/lumen.png' },
        {
          '@type': 'JobPosting',
          title: 'D&eacute;veloppeur React H/F',
          hiringOrganization: { '@id': 'https://www.welcometothejungle.com/fr/companies/lumen#org' },
          employmentType: ['CDI', 'FULL_TIME'],
          jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Lyon', addressCountry: 'FR' } },
          jobLocationType: 'Télétravail partiel',
          baseSalary: { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: '45000', maxValue: '55000', unitText: 'YEAR' } },
          skills: 'React, TypeScript; Node.js',
          experienceRequirements: "3 ans d'expérience minimum",
          description: '&lt;p&gt;Rejoignez l&amp;#39;&eacute;quipe&lt;/p&gt;',
          url: 'https://www.welcometothejungle.com/fr/companies/lumen/jobs/developpeur-react_lyon',
        },
      ],
    },
  ],
});

export const linkedIn = page({
  head: '<title>Orbit hiring R&amp;D Engineer in Toulouse, Occitanie, France | LinkedIn</title>',
  jsonLd: [
    {
      '@context': 'http://schema.org',
      '@type': 'JobPosting',
      title: 'R&amp;D Engineer',
      hiringOrganization: { '@type': 'Organization', name: 'Orbit', sameAs: 'https://www.linkedin.com/company/orbit' },
      jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Toulouse', addressRegion: 'Occitanie', addressCountry: 'FR' } },
      employmentType: 'INTERN',
      experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 36 },
      estimatedSalary: { '@type': 'MonetaryAmountDistribution', currency: 'EUR', duration: 'P1M', percentile10: 1200, percentile90: 1500, unitText: 'MONTH' },
      datePosted: '2026-11-28T08:00:00.000Z',
      validThrough: '2026-12-28T08:00:00.000Z',
      description: 'Build &lt;em&gt;satellites&lt;/em&gt;.',
    },
  ],
});

/** A WebPage whose mainEntity is the posting, inside an @graph. */
export const nestedGraph = page({
  jsonLd: [
    {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Careers at Pixel' },
        {
          '@type': 'WebPage',
          mainEntity: {
            '@type': 'JobPosting',
            title: 'Data Analyst',
            hiringOrganization: 'Pixel',
            baseSalary: { '@type': 'MonetaryAmount', currency: 'GBP', value: { '@type': 'QuantitativeValue', value: 900, unitText: 'WEEK' } },
          },
        },
      ],
    },
  ],
});

export const severalPostings = page({
  jsonLd: [
    [
      { '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Backend Engineer', hiringOrganization: { name: 'Volt' } },
      { '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Frontend Engineer', hiringOrganization: { name: 'Volt' } },
    ],
    { '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: { '@type': 'JobPosting', title: 'QA Engineer', hiringOrganization: { name: 'Volt' } } }] },
  ],
});

export const microdataOnly = page({
  body: `<div itemscope itemtype="https://schema.org/JobPosting">
  <h1 itemprop="title">Site Reliability Engineer</h1>
  <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Quartz</span><meta itemprop="url" content="https://quartz.example"></div>
  <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place"><div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="addressLocality">Montréal</span>, <span itemprop="addressCountry">CA</span></div></div>
  <meta itemprop="employmentType" content="TEMPORARY">
  <time itemprop="datePosted" datetime="2026-09-15">15 September</time>
  <div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount"><meta itemprop="currency" content="CAD"><span itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue"><meta itemprop="minValue" content="60"><meta itemprop="maxValue" content="75"><meta itemprop="unitText" content="HOUR"></span></div>
  <div itemprop="description"><p>Keep things <a href="https://status.quartz.example">up</a>.</p><p>On call one week in six.</p></div>
</div>`,
});

export const openGraphOnly = page({
  head: `<title>Careers</title>
<meta property="og:title" content="Growth Marketer at Fable">
<meta property="og:description" content="Help Fable reach readers.">
<meta property="og:url" content="https://jobs.fable.example/growth-marketer">`,
  body: '<p>Nothing else here.</p>',
});

export const noStructuredData = page({
  head: '<title>Comptable H/F - Bricolo - CDI à Nantes</title>',
  body: '<header><nav>Menu</nav></header><main><h1>Comptable H/F</h1><p>Vous tiendrez la comptabilit&eacute;.</p><p><a href="mailto:rh@bricolo.example">rh@bricolo.example</a></p></main>',
});

/** JSON-LD cut in the middle (a broken template): nothing to read in it, so the page's OpenGraph speaks. */
export const brokenJsonLd = page({
  head: '<meta property="og:title" content="Support Agent - Kite">',
  jsonLd: ['{"@context":"https://schema.org","@type":"JobPosting","title":"Support Agent","hiringOrg'],
});
