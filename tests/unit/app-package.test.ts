import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { z } from 'zod';
import {
  APP_PACKAGE_DIR,
  MAY_BE_EMPTY,
  MissingVariablesError,
  PROJECT_ROOT,
  buildPackage,
  fillPlaceholders,
  loadManifestSchema,
  parseEnvFile,
  placeholdersIn,
  readEnvFile,
  validateManifest,
} from '../../scripts/package-app';
import { decodePng, readPngSize } from '../../scripts/make-icons';

/** Invented values for what provisioning would write; used only where env/.env.local is empty. */
const TEST_VALUES: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '3f2b6c1e-8d4a-4c7b-9e21-5a6f0d9c8b71',
  BOT_ID: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
  BOT_DOMAIN: 'jtai-test.example.org',
};

const SCOPES = ['personal', 'team', 'groupChat'] as const;

const Manifest = z.object({
  $schema: z.string(),
  manifestVersion: z.string(),
  description: z.object({ short: z.string(), full: z.string() }),
  icons: z.object({ color: z.string(), outline: z.string() }),
  validDomains: z.array(z.string()),
  bots: z.array(
    z.object({
      botId: z.string(),
      scopes: z.array(z.string()),
      supportsFiles: z.boolean(),
      isNotificationOnly: z.boolean(),
      commandLists: z.array(
        z.object({
          scopes: z.array(z.string()),
          commands: z.array(z.object({ title: z.string(), description: z.string() })),
        }),
      ),
    }),
  ),
  composeExtensions: z.array(
    z.object({
      botId: z.string(),
      commands: z.array(
        z.object({
          id: z.string(),
          type: z.string(),
          title: z.string(),
          initialRun: z.boolean(),
          context: z.array(z.string()),
          parameters: z.array(z.object({ name: z.string(), title: z.string() })),
        }),
      ),
    }),
  ),
});

type CommandList = z.infer<typeof Manifest>['bots'][number]['commandLists'][number];

const template = fs.readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');

/** env/.env.local, with invented values filled in where the file leaves a variable empty. */
function localVars(): Record<string, string> {
  const vars = readEnvFile(path.join(PROJECT_ROOT, 'env', '.env.local'));
  for (const [name, value] of Object.entries(TEST_VALUES)) if (!vars[name]) vars[name] = value;
  return vars;
}

function filledManifest(): unknown {
  return JSON.parse(fillPlaceholders(template, localVars()));
}

describe('Teams app package', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jtai-app-package-'));
  });
  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('manifest', () => {
    it('uses only placeholders that env/.env.local defines', () => {
      const vars = readEnvFile(path.join(PROJECT_ROOT, 'env', '.env.local'));
      const undefinedNames = placeholdersIn(template).filter((name) => !(name in vars));
      assert.deepEqual(undefinedNames, []);
    });

    it('validates offline against the official schema of the version it declares', async () => {
      const manifest = Manifest.parse(filledManifest());
      assert.match(
        manifest.$schema,
        new RegExp(`/teams/v${manifest.manifestVersion.replace('.', '\\.')}/MicrosoftTeams\\.schema\\.json$`),
      );
      assert.ok(loadManifestSchema(manifest.manifestVersion), 'the schema ships with @microsoft/app-manifest');
      assert.deepEqual(await validateManifest(filledManifest()), []);
    });

    it('is rejected by the same validation when it breaks the schema', async () => {
      const manifest = z.record(z.unknown()).parse(filledManifest());
      const broken = { ...manifest, accentColor: 'teal', developer: { name: 'JTAI assistant project' } };
      const problems = await validateManifest(broken);
      assert.ok(
        problems.some((p) => p.startsWith('/accentColor')),
        problems.join('\n'),
      );
      assert.ok(
        problems.some((p) => p.includes("'websiteUrl'")),
        problems.join('\n'),
      );
    });

    it('declares one conversational bot in the personal, team and group chat scopes', () => {
      const { bots, validDomains } = Manifest.parse(filledManifest());
      assert.equal(bots.length, 1);
      const [bot] = bots;
      assert.ok(bot);
      assert.deepEqual([...bot.scopes].sort(), [...SCOPES].sort());
      assert.equal(bot.botId, localVars().BOT_ID);
      assert.equal(bot.supportsFiles, false);
      assert.equal(bot.isNotificationOnly, false);
      assert.deepEqual(validDomains, [localVars().BOT_DOMAIN]);
    });

    it('lists the commands in every scope, within the lengths Teams shows', () => {
      const bot = Manifest.parse(filledManifest()).bots[0];
      if (!bot) return assert.fail('no bot');
      for (const scope of SCOPES) {
        const lists: CommandList[] = bot.commandLists.filter((l) => l.scopes.includes(scope));
        assert.equal(lists.length, 1, `one command list for ${scope}`);
        const titles: string[] = lists.flatMap((l) => l.commands.map((c) => c.title));
        for (const title of ['help', 'ask', 'timeline', 'deadlines', 'set inspection', 'my reminders']) {
          assert.ok(titles.includes(title), `${scope} lists "${title}"`);
        }
        assert.ok(
          titles.some((t) => t === 'remind me' || t === 'remind us'),
          `${scope} lists a remind command`,
        );
      }
      for (const command of bot.commandLists.flatMap((l) => l.commands)) {
        assert.ok(command.title.length <= 32, `title "${command.title}" is ${command.title.length} characters`);
        assert.ok(
          command.description.length <= 128,
          `description of "${command.title}" is ${command.description.length} characters`,
        );
      }
    });

    it('offers one search message extension command, searchGuidance, with a query parameter', () => {
      const { composeExtensions } = Manifest.parse(filledManifest());
      assert.equal(composeExtensions.length, 1);
      const [extension] = composeExtensions;
      assert.ok(extension);
      assert.equal(extension.botId, localVars().BOT_ID);
      assert.equal(extension.commands.length, 1);
      const [command] = extension.commands;
      assert.ok(command);
      assert.equal(command.id, 'searchGuidance');
      assert.equal(command.type, 'query');
      assert.equal(command.title, 'Search JTAI guidance');
      assert.equal(command.initialRun, false);
      assert.deepEqual([...command.context].sort(), ['commandBox', 'compose']);
      assert.deepEqual(
        command.parameters.map((p) => p.name),
        ['query'],
      );
    });

    it('tells people not to enter child names or dates of birth, only the local authority ID', () => {
      const { description } = Manifest.parse(filledManifest());
      assert.ok(description.short.length <= 80);
      assert.ok(description.full.length <= 4000);
      assert.match(description.full, /name/);
      assert.match(description.full, /date of birth/);
      assert.match(description.full, /local authority's unique ID/);
    });
  });

  describe('placeholders', () => {
    it('names every missing variable', () => {
      assert.throws(
        () =>
          fillPlaceholders('{"id": "${{TEAMS_APP_ID}}", "bot": "${{BOT_ID}}", "x": "${{BOT_ID}}"}', {
            TEAMS_APP_ID: 'a',
          }),
        (error: unknown) =>
          error instanceof MissingVariablesError && error.variables.join() === 'BOT_ID' && /BOT_ID/.test(error.message),
      );
    });

    it('treats an empty value as missing, except for the app name suffix', () => {
      assert.ok(MAY_BE_EMPTY.includes('APP_NAME_SUFFIX'));
      assert.equal(fillPlaceholders('JTAI assistant${{APP_NAME_SUFFIX}}', { APP_NAME_SUFFIX: '' }), 'JTAI assistant');
      assert.throws(() => fillPlaceholders('${{BOT_ID}}', { BOT_ID: '' }), /BOT_ID/);
    });

    it('escapes values so the manifest stays valid JSON', () => {
      const json = fillPlaceholders('{"name": "${{NAME}}"}', { NAME: 'Leeds "LSCP" \\ partnership' });
      assert.deepEqual(JSON.parse(json), { name: 'Leeds "LSCP" \\ partnership' });
    });

    it('reads env files the way the toolkit writes them', () => {
      const vars = parseEnvFile(
        ['# comment', 'TEAMSFX_ENV=dev', 'EMPTY=', 'QUOTED="a b"', "SINGLE='x#y'", 'TRAILING=value # note', ''].join(
          '\n',
        ),
      );
      assert.deepEqual(vars, { TEAMSFX_ENV: 'dev', EMPTY: '', QUOTED: 'a b', SINGLE: 'x#y', TRAILING: 'value' });
    });
  });

  describe('icons', () => {
    it('has a 192x192 colour icon and a 32x32 outline icon', () => {
      assert.deepEqual(readPngSize(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'color.png'))), {
        width: 192,
        height: 192,
      });
      assert.deepEqual(readPngSize(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png'))), {
        width: 32,
        height: 32,
      });
    });

    it('draws the outline icon in white only, on a transparent background', () => {
      const { width, height, rgba } = decodePng(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')));
      let transparent = 0;
      let white = 0;
      for (let i = 0; i < width * height * 4; i += 4) {
        const alpha = rgba[i + 3];
        if (alpha === 0) {
          transparent++;
          continue;
        }
        assert.deepEqual([rgba[i], rgba[i + 1], rgba[i + 2]], [255, 255, 255], `pixel ${i / 4} is white`);
        white++;
      }
      assert.ok(transparent > 0, 'has a transparent background');
      assert.ok(white > 0, 'has a white mark');
      assert.equal(rgba[3], 0, 'the top-left corner is transparent');
    });

    it('fills the colour icon edge to edge with opaque colour', () => {
      const { width, height, rgba } = decodePng(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')));
      for (const [x, y] of [
        [0, 0],
        [width - 1, 0],
        [0, height - 1],
        [width - 1, height - 1],
        [width / 2, height / 2],
      ] as const) {
        assert.equal(rgba[(y * width + x) * 4 + 3], 255, `pixel ${x},${y} is opaque`);
      }
    });
  });

  describe('zip', () => {
    it('holds exactly manifest.json, color.png and outline.png at its root, all placeholders filled', async () => {
      const outFile = path.join(tmp, 'appPackage.test.zip');
      const built = await buildPackage({ env: 'local', vars: TEST_VALUES, outFile });
      assert.equal(built.zipPath, outFile);
      const zip = new AdmZip(outFile);
      assert.deepEqual(
        zip
          .getEntries()
          .map((e) => e.entryName)
          .sort(),
        ['color.png', 'manifest.json', 'outline.png'],
      );
      const manifestText = zip.readAsText('manifest.json');
      assert.ok(!manifestText.includes('${{'), 'no ${{ placeholders left');
      assert.deepEqual(await validateManifest(JSON.parse(manifestText)), []);
      assert.deepEqual(zip.readFile('color.png'), fs.readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')));
      assert.deepEqual(zip.readFile('outline.png'), fs.readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')));
    });

    it('refuses to build, naming the variable, when the env file lacks one', async () => {
      const envFile = path.join(tmp, '.env.broken');
      const lines = fs
        .readFileSync(path.join(PROJECT_ROOT, 'env', '.env.local'), 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('BOT_ID='));
      fs.writeFileSync(
        envFile,
        [...lines, `TEAMS_APP_ID=${TEST_VALUES.TEAMS_APP_ID}`, `BOT_DOMAIN=${TEST_VALUES.BOT_DOMAIN}`].join('\n'),
      );
      const outFile = path.join(tmp, 'never.zip');
      await assert.rejects(buildPackage({ env: 'broken', envFile, outFile }), (error: unknown) => {
        assert.ok(error instanceof MissingVariablesError);
        assert.deepEqual(error.variables, ['BOT_ID']);
        assert.match(error.message, /BOT_ID/);
        return true;
      });
      assert.equal(fs.existsSync(outFile), false);
    });
  });
});
