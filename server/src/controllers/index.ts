import content from './content';
import coverage from './coverage';
import openapi from './openapi';
import persona from './persona';
import stage from './stage';

export default { content, coverage, openapi, persona, stage };
