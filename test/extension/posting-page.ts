/** A posting page as a job board serves it: schema.org JobPosting in JSON-LD (shared by the connector tests and the e2e). */
export const postingPage = (id = '4011') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Platform engineer – Initech careers</title>
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Platform engineer',
  hiringOrganization: { '@type': 'Organization', name: 'Initech', sameAs: 'https://initech.example' },
  jobLocation: { '@type': 'Place', address: { addressLocality: 'Lyon', addressCountry: 'FR' } },
  employmentType: 'FULL_TIME',
  datePosted: '2026-11-20',
  description: '<p>Run our <b>Kubernetes</b> clusters.</p><ul><li>Go</li><li>Terraform</li></ul>',
  baseSalary: { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 55000, maxValue: 65000, unitText: 'YEAR' } },
  identifier: { '@type': 'PropertyValue', value: id },
})}</script></head>
<body><h1>Platform engineer</h1><p>Apply below.</p></body></html>`;
