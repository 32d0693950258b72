/**
 * The helpers that make `npm run mutate` affordable (tools/mutation): they may skip work, never
 * change a verdict. The sequencer keeps every test file holding a test the pattern names (and any
 * file it knows nothing of); the environment skips a mutant's tests only after one has failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/* eslint-disable @typescript-eslint/no-require-imports -- the helpers are CommonJS modules Jest loads by path */
const { testNamesFile, readTestNames } = require('../../tools/mutation/test-names.cjs') as {
  testNamesFile: (rootDir: string, testPath: string) => string;
  readTestNames: (rootDir: string) => Map<string, string[]>;
};
const MutationSequencer = require('../../tools/mutation/sequencer.cjs') as new (options: { globalConfig: { testNamePattern?: string } }) => {
  sort: (tests: FakeTest[]) => FakeTest[] | Promise<FakeTest[]>;
};
const MutationEnvironment = require('../../tools/mutation/environment.cjs') as {
  prototype: { handleTestEvent: (this: EnvironmentState, event: FakeEvent, state: FakeState) => Promise<void> };
};
/* eslint-enable @typescript-eslint/no-require-imports */

interface FakeTest {
  path: string;
  duration?: number;
  context: { config: { rootDir: string; cacheDirectory: string; id: string }; hasteFS: { getSize: (file: string) => number } };
}
interface Block { name: string; type?: string; parent?: Block; children: (Block | TestEntry)[] }
interface TestEntry { name: string; type: 'test'; parent: Block; mode?: string; errors: unknown[] }
interface FakeEvent { name: string; test?: TestEntry }
interface FakeState { rootDescribeBlock: Block }
interface EnvironmentState { testPath: string; rootDir: string }

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

function tempRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'itcost-mutation-'));
}

function tree(): { root: Block; tests: TestEntry[] } {
  const root: Block = { name: 'ROOT_DESCRIBE_BLOCK', children: [] };
  const outer: Block = { name: 'BLOCKVALUE', type: 'describeBlock', parent: root, children: [] };
  root.children.push(outer);
  const tests: TestEntry[] = ['is 0 at break-even', 'rises with use'].map((name) => ({ name, type: 'test', parent: outer, errors: [] }));
  outer.children.push(...tests);
  return { root, tests };
}

/** A test file as Jest hands it to a sequencer (Jest's own sort asks the file's size). */
function fakeTest(rootDir: string, file: string): FakeTest {
  const config = { rootDir, cacheDirectory: path.join(rootDir, '.cache'), id: 'itcost' };
  return { path: path.join(rootDir, file), context: { config, hasteFS: { getSize: () => file.length } } };
}

function recordNames(rootDir: string, file: string, names: string[]): void {
  const testPath = path.join(rootDir, file);
  const target = testNamesFile(rootDir, testPath);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify({ testPath, names }));
}

afterEach(() => {
  delete process.env[ACTIVE_MUTANT];
});

describe('the mutation-run sequencer', () => {
  it('keeps only the test files that hold a test the pattern names, as Jest matches it (unanchored, any case)', async () => {
    const rootDir = tempRoot();
    recordNames(rootDir, 'a.test.ts', ['BLOCKVALUE is 0 at break-even', 'BLOCKVALUE rises with use']);
    recordNames(rootDir, 'b.test.ts', ['RECOMMEND picks the cheapest']);
    recordNames(rootDir, 'c.test.ts', ['the scenario sheet shows blockvalue IS 0 AT BREAK-EVEN too']);
    const tests = ['a.test.ts', 'b.test.ts', 'c.test.ts'].map((file) => fakeTest(rootDir, file));
    const sequencer = new MutationSequencer({ globalConfig: { testNamePattern: '(BLOCKVALUE is 0 at break-even)' } });
    const kept = await sequencer.sort(tests);
    expect(kept.map((test) => path.basename(test.path)).sort()).toEqual(['a.test.ts', 'c.test.ts']);
  });

  it('keeps a test file it has no record of, and every file when no pattern is given', async () => {
    const rootDir = tempRoot();
    recordNames(rootDir, 'a.test.ts', ['BLOCKVALUE rises with use']);
    const tests = ['a.test.ts', 'new.test.ts'].map((file) => fakeTest(rootDir, file));
    const filtered = await new MutationSequencer({ globalConfig: { testNamePattern: '(RECOMMEND)' } }).sort(tests);
    expect(filtered.map((test) => path.basename(test.path))).toEqual(['new.test.ts']);
    const all = await new MutationSequencer({ globalConfig: {} }).sort(tests);
    expect(all).toHaveLength(2);
  });
});

describe('the mutation-run environment', () => {
  it('records each test file\'s full test names while no mutant is active', async () => {
    const rootDir = tempRoot();
    const self: EnvironmentState = { rootDir, testPath: path.join(rootDir, 'test', 'a.test.ts') };
    await MutationEnvironment.prototype.handleTestEvent.call(self, { name: 'run_start' }, { rootDescribeBlock: tree().root });
    expect(readTestNames(rootDir).get(self.testPath)).toEqual(['BLOCKVALUE is 0 at break-even', 'BLOCKVALUE rises with use']);
  });

  it('records nothing while a mutant is active', async () => {
    const rootDir = tempRoot();
    process.env[ACTIVE_MUTANT] = '7';
    const self: EnvironmentState = { rootDir, testPath: path.join(rootDir, 'a.test.ts') };
    await MutationEnvironment.prototype.handleTestEvent.call(self, { name: 'run_start' }, { rootDescribeBlock: tree().root });
    expect(readTestNames(rootDir).size).toBe(0);
  });

  it('skips the rest of a mutant\'s tests once one has failed, and only that mutant\'s', async () => {
    const self: EnvironmentState = { rootDir: tempRoot(), testPath: 'x.test.ts' };
    const state = { rootDescribeBlock: tree().root };
    const handle = (event: FakeEvent) => MutationEnvironment.prototype.handleTestEvent.call(self, event, state);
    process.env[ACTIVE_MUTANT] = '41';
    const [first, second] = tree().tests;
    await handle({ name: 'test_start', test: first });
    expect(first.mode).toBeUndefined();
    await handle({ name: 'test_done', test: first });
    await handle({ name: 'test_start', test: second });
    expect(second.mode).toBeUndefined(); // the first passed: nothing is skipped
    second.errors.push(new Error('killed'));
    await handle({ name: 'test_done', test: second });
    const [later] = tree().tests;
    await handle({ name: 'test_start', test: later });
    expect(later.mode).toBe('skip');
    process.env[ACTIVE_MUTANT] = '42';
    const [next] = tree().tests;
    await handle({ name: 'test_start', test: next });
    expect(next.mode).toBeUndefined();
  });

  it('never skips a test while no mutant is active', async () => {
    const self: EnvironmentState = { rootDir: tempRoot(), testPath: 'x.test.ts' };
    const [test] = tree().tests;
    test.errors.push(new Error('fails'));
    await MutationEnvironment.prototype.handleTestEvent.call(self, { name: 'test_done', test }, { rootDescribeBlock: tree().root });
    const [after] = tree().tests;
    await MutationEnvironment.prototype.handleTestEvent.call(self, { name: 'test_start', test: after }, { rootDescribeBlock: tree().root });
    expect(after.mode).toBeUndefined();
  });
});
