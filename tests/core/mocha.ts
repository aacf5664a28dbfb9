// Typed handles on mocha's BDD globals (wtr provides them; @types/mocha is not installed).
type Done = (error?: unknown) => void;
type Body = (this: { timeout(ms: number): void }, done?: Done) => void | Promise<void>;
interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
  beforeEach(body: Body): void;
  afterEach(body: Body): void;
  before(body: Body): void;
  after(body: Body): void;
}
const g = globalThis as unknown as MochaGlobals;
export const describe = g.describe.bind(g);
export const it = g.it.bind(g);
export const beforeEach = g.beforeEach.bind(g);
export const afterEach = g.afterEach.bind(g);
export const before = g.before.bind(g);
export const after = g.after.bind(g);
