// The CommonJS entry tsserver `require`s (`module.exports` must be the plugin factory itself).
import plugin = require("./language-service.js");

export = plugin.default;
