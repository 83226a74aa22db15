import content from './content';
import persona from './persona';
import stage from './stage';

export default { content, persona, stage };
