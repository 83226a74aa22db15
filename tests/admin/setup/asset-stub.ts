/** Stylesheets and images the admin's packages import for the bundler: nothing to load in jsdom. */
export default 'asset-stub';
