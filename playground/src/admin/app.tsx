/*
 * The admin's interface languages beside English: those of the team and of the seed articles
 * (Danish, Norwegian, Swedish). Each admin user picks one under Profile > Interface language; the
 * plugin's texts and its stage model follow it.
 */
export default {
  config: {
    locales: ['da', 'no', 'sv'],
  },
};
