// Each API suite boots a real Strapi (and sometimes restarts it). The limit catches a hang, not
// slowness: on a busy machine (browser tests or a benchmark beside it) a fuzz run of thousands of
// requests takes minutes, and how fast the machine is must not decide whether a test passes.
jest.setTimeout(600_000);
