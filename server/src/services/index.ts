import content from './content';
import personas from './personas';
import stages from './stages';
import tagging from './tagging';

export default { content, personas, stages, tagging };
