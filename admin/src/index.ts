import { PLUGIN_ID } from './pluginId';

export default {
  register(app: { registerPlugin: (plugin: { id: string; name: string }) => void }) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },
};
