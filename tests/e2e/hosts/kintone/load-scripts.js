// How kintone loads a page's scripts: one after another, in the order they were uploaded (plug-in scripts with their ID).
window.fakeKintoneLoad = async (sources, pluginId) => {
  for (const src of sources) {
    await new Promise((resolve, reject) => {
      window.kintone.$PLUGIN_ID = pluginId;
      const script = Object.assign(document.createElement('script'), { src });
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });
  }
};
