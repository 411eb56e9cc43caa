import { z } from 'zod';

/**
 * The knowledge base is a set of structured records, one fact each, written in YAML under
 * `content/` and validated here. Every record says where it comes from and which edition of
 * the inspection it belongs to, so an answer can cite it and name the edition.
 */

export const EDITIONS = ['2018', '2024', 'general'] as const;
export const Edition = z.enum(EDITIONS);
export type Edition = z.infer<typeof Edition>;

/** How an edition is named to a reader. */
export const EDITION_LABEL: Record<Edition, string> = {
  '2018': '2016-18 programme (Ofsted guidance, 2018)',
  '2024': 'round from September 2024',
  general: 'all editions',
};

export const KINDS = [
  'overview', // what a JTAI is, its history and announcements
  'process-step', // how the inspection works, activity by activity
  'team', // who inspects
  'timeline-week', // what happens in week N
  'deadline', // something due by a time relative to notification
  'data-list', // an Annex A list of children with its fields
  'document-request', // agency document request 1.1-6.5
  'criterion', // evaluation criterion, ESN 23-38
  'tracking-question', // Annex B tracking-tool question
  'people', // people inspectors meet
  'scope', // scope and definitions
  'finding', // overview-report findings
  'glossary', // acronyms and terms
  'timescale', // statutory timescales (Working Together 2023)
] as const;
export const Kind = z.enum(KINDS);
export type Kind = z.infer<typeof Kind>;

export const SEED_FILES = [
  '000_59f143c84949ec4f.txt',
  '001_d29d08d00ef1f15b.txt',
  '002_2a3d57443ca408a3.txt',
  '003_d0033c1fea1300a3.txt',
  '004_0f37f550dc5e673b.txt',
] as const;
/** Statutory timescales are sourced to this document, not to a seed file. */
export const WORKING_TOGETHER = 'Working Together to Safeguard Children 2023';

export const Source = z
  .object({
    seed: z.union([z.enum(SEED_FILES), z.literal(WORKING_TOGETHER)]),
    /** Where in the source: "paragraph 24", "Week 6", "How does the inspection work". */
    ref: z.string().min(1),
    publisher: z.string().min(1),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** Named times of day; the partnership can configure what each means (see calendar). */
export const NAMED_TIMES = ['start-of-day', 'midday', 'mid-afternoon', 'end-of-day'] as const;
export const TimeOfDay = z.union([
  z.enum(NAMED_TIMES),
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM or one of start-of-day, midday, mid-afternoon, end-of-day'),
]);
export type TimeOfDay = z.infer<typeof TimeOfDay>;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

/**
 * When a deadline falls. `working-days-after` counts working days (England bank holidays
 * excluded) from notification (day 0) or from another milestone of the same edition;
 * `week-day` names a weekday of week N, week 1 being the notification week, and moves to
 * the next working day when that day is a bank holiday.
 */
export const Timing = z.discriminatedUnion('rule', [
  z
    .object({
      rule: z.literal('working-days-after'),
      from: z.string().min(1),
      days: z.number().int().min(0).max(60),
      time: TimeOfDay,
    })
    .strict(),
  z
    .object({
      rule: z.literal('week-day'),
      week: z.number().int().min(1).max(12),
      weekday: Weekday,
      time: TimeOfDay,
    })
    .strict(),
]);
export type Timing = z.infer<typeof Timing>;

export const AGENCIES = [
  'DCS',
  'local authority',
  'police',
  'health',
  'probation',
  'YOT',
  'partnership',
  'lead inspector',
  'inspectors',
  'CQC',
] as const;
export const Agency = z.enum(AGENCIES);
export type Agency = z.infer<typeof Agency>;

/** YAML reads `2016` as a number; in a list of words it is a word. */
const Word = z.union([z.string().min(1), z.number()]).transform(String);

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens');

export const GuidanceRecord = z
  .object({
    id: Id,
    kind: Kind,
    edition: Edition,
    title: z.string().min(3),
    /** The guidance text, faithful to the source (PDF artefacts mended). Markdown bullets allowed. */
    text: z.string().min(3),
    /** A plain-English summary from another source, where one exists (criteria). */
    summary: z.string().min(3).optional(),
    /** Other names people use: acronyms, informal phrases, the list's number. */
    aliases: z.array(Word).default([]),
    keywords: z.array(Word).default([]),
    related: z.array(Id).default([]),
    /** Records on the same topic where a source or an edition says something different. */
    differs: z.array(Id).default([]),
    sources: z.array(Source).min(1),

    /** criterion: its evaluation schedule number. */
    esn: z.number().int().min(1).max(99).optional(),
    /** tracking-question: the ESNs it evidences. */
    esns: z.array(z.number().int().min(1).max(99)).optional(),
    /** document-request: "1.1" .. "6.5". */
    code: z.string().regex(/^\d\.\d$/).optional(),
    /** document-request / data-list / deadline: who provides it. */
    who: z.array(Agency).optional(),
    /** timeline-week: the weeks it covers. */
    weeks: z.array(z.number().int().min(1).max(12)).optional(),
    /** data-list: the fields each row should carry. */
    fields: z.array(z.string().min(1)).optional(),
    /** deadline: the stable milestone id the timetable uses (e.g. "key-documents"). */
    milestone: Id.optional(),
    /** deadline: when it is due. */
    due: Timing.optional(),
    /** deadline: how the guidance states it, e.g. "Friday of week 6", "end of day five (Tuesday of week two)". */
    nominal: z.string().optional(),
    /** deadline: the records describing what exactly is due (lists, document requests). */
    includes: z.array(Id).default([]),
    /** glossary: the term being defined, e.g. "MARAC". */
    term: z.string().optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const need = (field: keyof typeof r, kinds: Kind[]): void => {
      if (kinds.includes(r.kind) && r[field] === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `a ${r.kind} record needs "${field}"` });
      }
    };
    need('esn', ['criterion']);
    need('esns', ['tracking-question']);
    need('code', ['document-request']);
    need('who', ['document-request', 'deadline']);
    need('weeks', ['timeline-week']);
    need('fields', ['data-list']);
    need('milestone', ['deadline']);
    need('due', ['deadline']);
    need('term', ['glossary']);
    if (r.kind === 'deadline' && r.edition === 'general') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['edition'], message: 'a deadline belongs to one edition' });
    }
  });
export type GuidanceRecord = z.infer<typeof GuidanceRecord>;
export type GuidanceRecordInput = z.input<typeof GuidanceRecord>;

/** One content file: a YAML list of records. */
export const ContentFile = z.array(z.unknown());
