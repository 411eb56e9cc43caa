import assert from 'node:assert/strict';
import fs from 'node:fs';
import { CONTENT_DIR, ContentError, loadKnowledgeBase, parseKnowledgeBase } from '../../../src/guidance/load';
import { KINDS, WORKING_TOGETHER, type GuidanceRecord } from '../../../src/guidance/schema';

const kb = loadKnowledgeBase();
const ofKind = (kind: GuidanceRecord['kind']): GuidanceRecord[] => kb.records.filter((r) => r.kind === kind);
const allText = (r: GuidanceRecord): string => [r.title, r.text, r.summary ?? ''].join(' ');

/** Who publishes each seed, and the edition its facts belong to. */
const SEEDS: Record<string, { publisher: string; edition: GuidanceRecord['edition'] }> = {
  '000_59f143c84949ec4f.txt': { publisher: 'Leeds Safeguarding Children Partnership', edition: '2018' },
  '001_d29d08d00ef1f15b.txt': { publisher: 'JTAI announcement (from September 2024)', edition: '2024' },
  '002_2a3d57443ca408a3.txt': { publisher: 'Children & Young People Now (news, August 2016)', edition: '2018' },
  '003_d0033c1fea1300a3.txt': { publisher: 'North Yorkshire Safeguarding Children Partnership', edition: '2024' },
  '004_0f37f550dc5e673b.txt': { publisher: 'Ofsted', edition: '2018' },
  [WORKING_TOGETHER]: { publisher: 'Department for Education', edition: 'general' },
};

/** A minimal valid record, as YAML, for the loader tests. */
function recordYaml(id: string, extra = ''): string {
  return [
    `- id: ${id}`,
    '  kind: overview',
    "  edition: '2018'",
    '  title: A record for the test',
    '  text: Some guidance text.',
    extra,
    '  sources:',
    '    - { seed: 004_0f37f550dc5e673b.txt, ref: paragraph 1, publisher: Ofsted }',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

function problemsOf(files: Record<string, string>): string[] {
  try {
    parseKnowledgeBase(files);
  } catch (err) {
    assert.ok(err instanceof ContentError, `expected a ContentError, got ${String(err)}`);
    return err.problems;
  }
  assert.fail('expected the content to be rejected');
}

describe('guidance content', () => {
  describe('the shipped knowledge base', () => {
    it('loads and validates every content file', () => {
      const files = fs.readdirSync(CONTENT_DIR).filter((f) => f.endsWith('.yaml'));
      assert.ok(files.length >= 12, `expected a file per kind, got ${files.join(', ')}`);
      assert.ok(kb.records.length > 200, `expected a full knowledge base, got ${kb.records.length} records`);
    });

    it('has records of every kind', () => {
      for (const kind of KINDS) assert.ok(ofKind(kind).length > 0, `no ${kind} records`);
    });

    it('links each Annex A deadline to the lists and documents it asks for', () => {
      const includes = (id: string): string[] => kb.byId.get(id)?.includes ?? [];
      assert.deepEqual(includes('deadline-2018-cin-cp-lists'), ['data-list-2018-children-in-need', 'data-list-2018-child-protection-plans']);
      assert.equal(includes('deadline-2018-child-level-lists').length, 5);
      const docs = ofKind('document-request').map((r) => r.id).sort();
      assert.deepEqual([...includes('deadline-2018-other-information')].sort(), docs);
    });

    it('has each criterion ESN 23 to 38 exactly once', () => {
      const esns = ofKind('criterion').map((r) => r.esn);
      assert.deepEqual(
        [...esns].sort((a, b) => (a ?? 0) - (b ?? 0)),
        Array.from({ length: 16 }, (_, i) => 23 + i),
      );
      for (const r of ofKind('criterion')) assert.match(r.title, new RegExp(`^ESN ${r.esn}:`));
    });

    it('carries the Leeds plain-English summary on every criterion but ESN 35, citing Leeds', () => {
      for (const r of ofKind('criterion')) {
        if (r.esn === 35) {
          assert.equal(r.summary, undefined);
          continue;
        }
        assert.ok(r.summary, `ESN ${r.esn} has no summary`);
        assert.ok(
          r.sources.some((s) => s.seed === '000_59f143c84949ec4f.txt'),
          `ESN ${r.esn} summary is not sourced to Leeds`,
        );
      }
      const leedsParagraphs = new Set(ofKind('criterion').flatMap((r) => (r.summary ? [r.summary] : [])));
      assert.equal(leedsParagraphs.size, 13);
    });

    it('has every Annex A document request 1.1 to 6.5, once each, with who provides it', () => {
      const expected = [
        ...['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9'],
        ...['2.1', '2.2', '2.3'],
        ...['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9'],
        ...['4.1', '4.2', '4.3', '4.4', '4.5'],
        ...['5.1', '5.2', '5.3', '5.4'],
        ...['6.1', '6.2', '6.3', '6.4', '6.5'],
      ];
      const codes = ofKind('document-request').map((r) => r.code ?? '');
      assert.deepEqual([...codes].sort(), [...expected].sort());
      const whoByGroup: Record<string, string> = {
        '1': 'local authority',
        '2': 'partnership',
        '3': 'police',
        '4': 'probation',
        '5': 'YOT',
        '6': 'health',
      };
      for (const r of ofKind('document-request')) assert.deepEqual(r.who, [whoByGroup[(r.code ?? '').charAt(0)]], r.id);
    });

    it('has the seven Annex A data lists, each with its period and fields', () => {
      const lists: Record<string, RegExp> = {
        'data-list-2018-children-in-need': /three months before inspection/,
        'data-list-2018-child-protection-plans': /three months before inspection/,
        'data-list-2018-contacts': /three months before inspection/,
        'data-list-2018-early-help': /six months before inspection/,
        'data-list-2018-referrals': /three months before inspection/,
        'data-list-2018-assessments': /six months before inspection/,
        'data-list-2018-section-47': /six months before inspection/,
      };
      assert.deepEqual(
        ofKind('data-list')
          .map((r) => r.id)
          .sort(),
        Object.keys(lists).sort(),
      );
      for (const [id, period] of Object.entries(lists)) {
        const r = kb.byId.get(id);
        assert.ok(r, id);
        assert.match(r.text, period, id);
        assert.ok((r.fields ?? []).length >= 7, `${id} has too few fields`);
        assert.ok(r.fields?.includes('Gender'), `${id} lacks Gender`);
      }
      assert.ok(
        kb.byId
          .get('data-list-2018-children-in-need')
          ?.fields?.includes('Whether the child is living or has lived with domestic abuse (Y/N)'),
      );
    });

    it('defines every glossary term the team uses', () => {
      const terms = new Map(ofKind('glossary').map((r) => [(r.term ?? '').toLowerCase(), r]));
      const wanted = [
        'JTAI',
        'MARAC',
        'ICPC',
        'RCPC',
        'CIN',
        'CP',
        'CP plan',
        'CLA',
        'CLA review',
        'DCS',
        'LSCP',
        'LSCB',
        'MASA',
        'MASH',
        'YOT',
        'NPS',
        'CRC',
        'IDVA',
        'HMICFRS',
        'CQC',
        'HMIP',
        'HMI',
        'ESN',
        'section 47',
        'CCG',
        'CAMHS',
        'SEND',
        'DA',
        'EH',
        'LA',
        'LI',
        'QA',
        'strategy discussion',
      ];
      for (const term of wanted) assert.ok(terms.has(term.toLowerCase()), `no glossary record for ${term}`);
      assert.ok(terms.get('section 47')?.aliases.includes('s47'));
      assert.ok(terms.get('hmip')?.aliases.includes('HMI Probation'));
      for (const alias of ['strategy meeting', 'strat meeting', 'strat'])
        assert.ok(terms.get('strategy discussion')?.aliases.includes(alias), alias);
      const terms2 = ofKind('glossary').map((r) => (r.term ?? '').toLowerCase());
      assert.equal(new Set(terms2).size, terms2.length, 'a glossary term is defined twice');
    });

    it('covers weeks 1, 2, 3, 4, 5, 6, 7, 8 and 10 of the 2024 timeline', () => {
      const weeks = new Set(
        ofKind('timeline-week')
          .filter((r) => r.edition === '2024')
          .flatMap((r) => r.weeks ?? []),
      );
      for (const w of [1, 2, 3, 4, 5, 6, 7, 8, 10]) assert.ok(weeks.has(w), `week ${w}`);
      assert.ok(!weeks.has(9), 'the guidance says nothing about week 9');
    });

    it('has the tracking tool questions with their ESNs, and the local evaluation question', () => {
      const questions = ofKind('tracking-question');
      const byQuestion = (q: string): GuidanceRecord | undefined => questions.find((r) => r.title.includes(q));
      assert.deepEqual(byQuestion('was referral for action timely')?.esns, [1, 3, 4, 23]);
      assert.deepEqual(byQuestion('do the agencies work together effectively')?.esns, [7, 26, 29]);
      assert.match(
        kb.byId.get('tracking-local-evaluation')?.text ?? '',
        /accurately evaluate the experiences of the child/,
      );
    });

    it('keeps the exact wording practitioners are asked about', () => {
      const phrases: Array<[string, string]> = [
        [
          'team-2018',
          'There are usually three inspectors from each of: Ofsted, HMICFRS and the CQC; and two from HMI Probation',
        ],
        ['team-2024', '1 education inspector from Ofsted'],
        ['timeline-2024-week-6', 'Friday of week 6 (15 working days after fieldwork)'],
        ['scope-2018-living-with-domestic-abuse', 'outside of their home'],
        ['process-2018-notification', 'Tuesday before 9:30am'],
        ['timeline-2024-week-1', '10 working days before the fieldwork begins'],
        ['scope-2024-recent-practice', 'practice in the 6 months before the inspection'],
        ['criterion-esn-28', 'does not necessarily end when people stop living together and may in fact escalate'],
        ['overview-2016-quote-schooling', '320,000 children in need'],
        ['deadline-2018-ten-am-call', 'phone call'],
      ];
      for (const [id, phrase] of phrases)
        assert.ok(
          allText(kb.byId.get(id) ?? ({ title: '', text: '' } as GuidanceRecord)).includes(phrase),
          `${id}: "${phrase}"`,
        );
    });

    it('sources every record to a seed with its publisher, in the edition of that seed', () => {
      for (const r of kb.records) {
        for (const s of r.sources) {
          const seed = SEEDS[s.seed];
          assert.ok(seed, `${r.id}: unknown seed ${s.seed}`);
          assert.equal(s.publisher, seed.publisher, `${r.id}: publisher of ${s.seed}`);
          if (r.edition !== 'general')
            assert.equal(r.edition, seed.edition, `${r.id}: cites ${s.seed} but is edition ${r.edition}`);
        }
        if (r.edition === 'general')
          assert.ok(
            ['glossary', 'timescale'].includes(r.kind),
            `${r.id}: only glossary and timescales apply to all editions`,
          );
      }
    });

    it('links records sensibly: 1-4 related, none to itself, differences named both ways', () => {
      for (const r of kb.records) {
        assert.ok(r.related.length >= 1 && r.related.length <= 4, `${r.id} has ${r.related.length} related records`);
        assert.ok(!r.related.includes(r.id) && !r.differs.includes(r.id), `${r.id} links to itself`);
        assert.equal(new Set(r.related).size, r.related.length, `${r.id} repeats a related record`);
        for (const other of r.differs) {
          const o = kb.byId.get(other);
          assert.ok(o, other);
          // deadlines.yaml stands alone (see above), so a deadline cannot name records in other files
          if (o.kind === 'deadline' && r.kind !== 'deadline') continue;
          assert.ok(o.differs.includes(r.id), `${r.id} differs from ${other}, but not the other way round`);
        }
      }
    });

    it('links the sources that disagree on the number of tracked children and on the team', () => {
      const differ = (a: string, b: string): void => assert.ok(kb.byId.get(a)?.differs.includes(b), `${a} -> ${b}`);
      differ('team-2018', 'team-2024');
      differ('process-2018-notification', 'deadline-2024-notification');
      differ('scope-2018-tracking-and-sampling', 'deadline-2018-tracked-cases-selected');
      differ('process-2018-selecting-children', 'process-2024-case-tracking');
      differ('process-2024-case-tracking', 'scope-2018-tracking-and-sampling');
    });

    it('gives every record aliases or keywords to be found by', () => {
      for (const r of kb.records)
        assert.ok(r.aliases.length + r.keywords.length > 0, `${r.id} has neither aliases nor keywords`);
    });
  });

  describe('parseKnowledgeBase on broken content', () => {
    it('names the file and the record when a record has no source', () => {
      const broken = recordYaml('no-source').split('\n').slice(0, 5).join('\n');
      const problems = problemsOf({ 'broken.yaml': broken });
      assert.ok(
        problems.some((p) => p.includes('broken.yaml') && p.includes('"no-source"') && p.includes('sources')),
        problems.join('\n'),
      );
    });

    it('names the record and the unknown id when related names a record that does not exist', () => {
      const problems = problemsOf({ 'a.yaml': recordYaml('lonely', '  related: [nowhere-to-be-found]') });
      assert.ok(
        problems.some((p) => p.includes('"lonely"') && p.includes('related') && p.includes('"nowhere-to-be-found"')),
        problems.join('\n'),
      );
    });

    it('names a record defined twice, across files', () => {
      const problems = problemsOf({ 'a.yaml': recordYaml('twice'), 'b.yaml': recordYaml('twice') });
      assert.ok(
        problems.some((p) => p.includes('"twice"') && p.includes('defined twice')),
        problems.join('\n'),
      );
    });

    it('names the file when it is not valid YAML or not a list', () => {
      assert.ok(problemsOf({ 'bad.yaml': '- id: [unclosed' }).some((p) => p.startsWith('bad.yaml: not valid YAML')));
      assert.ok(problemsOf({ 'map.yaml': 'id: not-a-list' }).some((p) => p.startsWith('map.yaml: expected a list')));
    });

    it('names the file, record and field of a kind-specific field that is missing', () => {
      const criterion = recordYaml('esn-less').replace('kind: overview', 'kind: criterion');
      const problems = problemsOf({ 'criteria.yaml': criterion });
      assert.ok(
        problems.some((p) => p.startsWith('criteria.yaml record 1 ("esn-less"): esn:')),
        problems.join('\n'),
      );
    });
  });
});
