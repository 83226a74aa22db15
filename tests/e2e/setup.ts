// A browser suite builds the admin, boots Strapi and drives Chromium: minutes, not seconds.
jest.setTimeout(300_000);
