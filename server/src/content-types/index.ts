import blogPost from './blog-post';
import cta from './cta';
import form from './form';
import landingPage from './landing-page';
import persona from './persona';
import submission from './submission';

/**
 * The content types the plugin ships. Their journey fields (`journeyStage`, `personas`) are not in
 * these schemas: register() injects them through the same code path as users' own tagged types.
 */
export default {
  persona,
  'blog-post': blogPost,
  'landing-page': landingPage,
  cta,
  form,
  // Not tagged: what visitors send through forms (server/src/forms).
  submission,
};
