import content from './content';
import openapi from './openapi';
import persona from './persona';
import stage from './stage';

export default { content, openapi, persona, stage };
