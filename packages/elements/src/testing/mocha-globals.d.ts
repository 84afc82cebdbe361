// The few Mocha globals the component tests use (@web/test-runner runs Mocha); declared here
// instead of pulling in @types/mocha, whose globals would leak into the package's sources.
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
