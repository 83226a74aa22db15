import content from './content';
import coverage from './coverage';
import editor from './editor';
import event from './event';
import nextContent from './next-content';
import openapi from './openapi';
import performance from './performance';
import persona from './persona';
import preview from './preview';
import stage from './stage';

export default {
  content,
  coverage,
  editor,
  event,
  'next-content': nextContent,
  openapi,
  performance,
  persona,
  preview,
  stage,
};
