import content from './content';
import coverage from './coverage';
import editor from './editor';
import nextContent from './next-content';
import openapi from './openapi';
import persona from './persona';
import preview from './preview';
import stage from './stage';

export default {
  content,
  coverage,
  editor,
  'next-content': nextContent,
  openapi,
  persona,
  preview,
  stage,
};
