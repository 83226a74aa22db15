import stages from './stages';
import tagging from './tagging';

export default { stages, tagging };
