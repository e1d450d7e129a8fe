import { describe, expect, it } from 'vitest';
import { readPosting } from '../../src-main/capture/read-posting';
import { postingDraft } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import * as pages from './pages';

function readOne(html: string, url: string | null = null) {
  const { postings } = readPosting({ html, url });
  expect(postings).toHaveLength(1);
  // Every draft the reader gives is what the contract promises.
  expect(postingDraft.parse(postings[0])).toEqual(postings[0]);
  return postings[0];
}

function failure(html: string): string | undefined {
  try {
    readPosting({ html, url: null });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return ((error as AppError).details as { reason: string }).reason;
  }
  return undefined;
}

describe('readPosting: JSON-LD in the shapes boards publish', () => {
  it('reads a Greenhouse posting, its twice-encoded description turned into clean text with links kept', () => {
    const draft = readOne(pages.greenhouse, 'https://boards.greenhouse.io/acme/jobs/4001');
    expect(draft).toMatchObject({
      position: 'Senior Backend Engineer',
      companyName: 'Acme',
      companyLogo: 'https://s3.example/acme.png',
      location: 'Berlin, DE',
      schedule: 'full_time',
      employmentType: null,
      postedOn: '2026-11-20',
      postingUrl: 'https://boards.greenhouse.io/acme/jobs/4001',
      source: 'company_site',
      origin: 'json_ld',
    });
    expect(draft.description).toBe('We build payments & ledgers.\n\n• Go\n• PostgreSQL\n\nApply (https://boards.greenhouse.io/acme/jobs/4001#app)');
  });

  it('reads a Lever posting: several locations, a logo object, a part-time schedule, headings and line breaks', () => {
    const draft = readOne(pages.lever, 'https://jobs.lever.co/acme/5a1e');
    expect(draft).toMatchObject({
      position: 'Product Designer',
      companyLogo: 'https://lever-client-logos.example/acme.png',
      location: 'London, United Kingdom; Lisbon, Portugal',
      schedule: 'part_time',
      postedOn: '2026-10-01',
      source: 'company_site',
    });
    expect(draft.description).toBe('About the role\n\nDesign our system (https://acme.example/design).\nWork with research.');
  });

  it('reads an Ashby posting: remote by TELECOMMUTE, a salary range with its unit, an @type list', () => {
    const draft = readOne(pages.ashby, 'https://jobs.ashbyhq.com/nimbus/7c2');
    expect(draft).toMatchObject({
      position: 'Staff Software Engineer, Infrastructure',
      companyName: 'Nimbus',
      companyWebsite: 'https://nimbus.example/',
      workMode: 'remote',
      location: 'United States',
      salaryMin: 180000,
      salaryMax: 220000,
      salaryCurrency: 'USD',
      salaryPeriod: 'year',
      validThrough: '2027-01-31',
      directApply: true,
    });
  });

  it('repairs Workday JSON-LD written by hand (raw line breaks, trailing comma) and reads its identifier', () => {
    const draft = readOne(pages.workday, 'https://acme.wd3.myworkdayjobs.com/job/R-12345?source=x');
    expect(draft).toMatchObject({
      position: 'Consultant SAP',
      companyName: 'Acme Group',
      identifier: 'R-12345',
      employmentType: 'freelance',
      location: 'Paris, France',
      description: 'Line one\nLine two',
      source: 'company_site',
    });
  });

  it('reads Welcome to the Jungle: @graph with @id references, French vocabulary, entities, skills, experience', () => {
    const draft = readOne(pages.welcomeToTheJungle, 'https://www.welcometothejungle.com/fr/companies/lumen/jobs/developpeur-react_lyon?q=1');
    expect(draft).toMatchObject({
      position: 'Développeur React H/F',
      companyName: 'Lumen',
      companyWebsite: 'https://lumen.example/',
      companyLogo: 'https://cdn.example/lumen.png',
      employmentType: 'permanent',
      schedule: 'full_time',
      workMode: 'hybrid',
      location: 'Lyon, FR',
      salaryMin: 45000,
      salaryMax: 55000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'year',
      requiredSkills: ['React', 'TypeScript', 'Node.js'],
      experienceYears: 3,
      description: "Rejoignez l'équipe",
      postingUrl: 'https://www.welcometothejungle.com/fr/companies/lumen/jobs/developpeur-react_lyon',
      source: 'welcome_to_the_jungle',
    });
  });

  it('reads LinkedIn: entities in the title, an internship, months of experience, an estimated monthly salary', () => {
    const draft = readOne(pages.linkedIn, 'https://www.linkedin.com/jobs/view/123456');
    expect(draft).toMatchObject({
      position: 'R&D Engineer',
      companyName: 'Orbit',
      location: 'Toulouse, Occitanie, FR',
      employmentType: 'internship',
      experienceYears: 3,
      salaryMin: 1200,
      salaryMax: 1500,
      salaryCurrency: 'EUR',
      salaryPeriod: 'month',
      postedOn: '2026-11-28',
      validThrough: '2026-12-28',
      description: 'Build satellites.',
      source: 'linkedin',
    });
  });

  it('finds a posting nested in a WebPage inside @graph; a weekly salary becomes a yearly one', () => {
    const draft = readOne(pages.nestedGraph);
    expect(draft).toMatchObject({ position: 'Data Analyst', companyName: 'Pixel', salaryMin: 46800, salaryMax: 46800, salaryCurrency: 'GBP', salaryPeriod: 'year', postingUrl: null });
  });

  it('offers every posting of a page that lists several (lists, ItemList), each once', () => {
    const { postings } = readPosting({ html: pages.severalPostings + pages.severalPostings.replace(/<!doctype html>/, ''), url: 'https://volt.example/careers' });
    expect(postings.map((draft) => draft.position)).toEqual(['Backend Engineer', 'Frontend Engineer', 'QA Engineer']);
    expect(new Set(postings.map((draft) => draft.companyName))).toEqual(new Set(['Volt']));
  });
});

describe('readPosting: without JSON-LD', () => {
  it('reads microdata: nested items, meta and time values, an hourly salary, the description with its link', () => {
    const draft = readOne(pages.microdataOnly, 'https://careers.quartz.example/sre');
    expect(draft).toMatchObject({
      position: 'Site Reliability Engineer',
      companyName: 'Quartz',
      companyWebsite: 'https://quartz.example/',
      location: 'Montréal, CA',
      employmentType: 'temporary',
      postedOn: '2026-09-15',
      salaryMin: 60,
      salaryMax: 75,
      salaryCurrency: 'CAD',
      salaryPeriod: 'hour',
      description: 'Keep things up (https://status.quartz.example/).\n\nOn call one week in six.',
      source: 'company_site',
      origin: 'microdata',
    });
  });

  it('reads OpenGraph: "Position at Company", its description and address', () => {
    const draft = readOne(pages.openGraphOnly, 'https://jobs.fable.example/growth-marketer?utm_source=x');
    expect(draft).toMatchObject({
      position: 'Growth Marketer',
      companyName: 'Fable',
      postingUrl: 'https://jobs.fable.example/growth-marketer',
      origin: 'open_graph',
    });
  });

  it('reads a page with no structured data from its title, heading and main content', () => {
    const draft = readOne(pages.noStructuredData, 'https://bricolo.example/emplois/42');
    expect(draft).toMatchObject({ position: 'Comptable H/F', companyName: 'Bricolo', origin: 'page', postingUrl: 'https://bricolo.example/emplois/42' });
    expect(draft.description).toBe('Comptable H/F\n\nVous tiendrez la comptabilité.\n\nmailto:rh@bricolo.example');
  });

  it('falls back to OpenGraph when the JSON-LD is broken beyond repair', () => {
    expect(readOne(pages.brokenJsonLd)).toMatchObject({ position: 'Support Agent', companyName: 'Kite', origin: 'open_graph' });
  });

  it('reads board titles: "X hiring Y in Z | LinkedIn", "Y chez X"', () => {
    const hiring = readOne('<title>Orbit hiring Test Pilot in Toulouse, France | LinkedIn</title>');
    expect(hiring).toMatchObject({ position: 'Test Pilot', companyName: 'Orbit', location: 'Toulouse, France' });
    expect(readOne('<meta property="og:title" content="Chef de projet chez Lumen">')).toMatchObject({ position: 'Chef de projet', companyName: 'Lumen' });
  });
});

describe('readPosting: bad pages', () => {
  it('refuses an empty page and a page with nothing that names a posting, with a reason the UI translates', () => {
    expect(failure('   ')).toBe('empty_page');
    expect(failure('<html><head></head><body><div></div></body></html>')).toBe('no_posting');
    expect(failure('\u0000\u0001PK\u0003\u0004 binary')).toBe('no_posting');
    expect(failure('<script type="application/ld+json">{"@type":"JobPosting","description":"no title"}</script>')).toBe('no_posting');
  });

  it('skips a JobPosting without a title but keeps the others of the page', () => {
    const html = pages.page({ jsonLd: [{ '@type': 'JobPosting', description: 'x' }, { '@type': 'JobPosting', title: 'Welder', hiringOrganization: 'Forge' }] });
    expect(readOne(html)).toMatchObject({ position: 'Welder', companyName: 'Forge' });
  });

  it('never throws on odd JSON-LD values: numbers, nulls, deep nesting, wrong types', () => {
    let deep: object = { '@type': 'JobPosting', title: 'Deep' };
    for (let i = 0; i < 50; i++) deep = { nested: deep };
    const odd = {
      '@type': 'JobPosting',
      title: 42,
      hiringOrganization: [null, { name: ['', 'Zed'] }],
      jobLocation: 'Anywhere',
      employmentType: { weird: true },
      baseSalary: 'around 50k€ per year',
      datePosted: '31/02/2026',
      skills: [{ '@type': 'DefinedTerm', name: 'Rust' }, 7],
      url: 'javascript:alert(1)',
    };
    const { postings } = readPosting({ html: pages.page({ jsonLd: [deep, odd] }), url: null });
    expect(postings).toHaveLength(1);
    expect(postings[0]).toMatchObject({
      position: '42',
      companyName: 'Zed',
      location: 'Anywhere',
      salaryMin: 50000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'year',
      postedOn: null,
      requiredSkills: ['Rust', '7'],
      postingUrl: null,
    });
  });
});
