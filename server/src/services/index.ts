import content from './content';
import coverage from './coverage';
import personas from './personas';
import stages from './stages';
import tagging from './tagging';

export default { content, coverage, personas, stages, tagging };
