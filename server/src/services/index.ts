import analytics from './analytics';
import content from './content';
import coverage from './coverage';
import performance from './performance';
import personas from './personas';
import stages from './stages';
import tagging from './tagging';

export default { analytics, content, coverage, performance, personas, stages, tagging };
