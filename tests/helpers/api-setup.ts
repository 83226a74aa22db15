// Each API suite boots a real Strapi (and sometimes restarts it): give hooks and tests room.
jest.setTimeout(120_000);
