// .opsta/opsta.mjs: the Opsta executor runtime (node .opsta/opsta.mjs --help).
// Bundled by scripts/bundle-runtime.ts from generator/runtime/ in the Opsta repository; do not edit.
// Its sha256 is recorded in .opsta/manifest.json (runtime.sha256).
import { createRequire as __opstaCreateRequire } from 'node:module';
const require = __opstaCreateRequire(import.meta.url);

// generator/runtime/commands.ts
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join as join5 } from "node:path";

// generator/runtime/errors.ts
var CheckFailed = class extends Error {
  name = "CheckFailed";
  exitCode = 1;
};
var UsageError = class extends Error {
  name = "UsageError";
  exitCode = 2;
};

// generator/runtime/args.ts
function parseFlags(argv, allowed, command) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new UsageError(`${command}: unexpected argument ${JSON.stringify(a)}; flags are --name value`);
    const eq = a.indexOf("=");
    const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
    if (!allowed.includes(name)) throw new UsageError(`${command}: unknown flag --${name}; allowed: ${allowed.map((f) => `--${f}`).join(", ")}`);
    let value;
    if (eq !== -1) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === void 0 || value.startsWith("--")) throw new UsageError(`${command}: --${name} needs a value`);
      i++;
    }
    if (Object.hasOwn(out, name)) throw new UsageError(`${command}: --${name} given twice`);
    out[name] = value;
  }
  return out;
}
function required(flags, name, command) {
  const v = flags[name];
  if (v === void 0 || v === "") throw new UsageError(`${command}: --${name} is required`);
  return v;
}
function integerFlag(flags, name, command) {
  const v = required(flags, name, command);
  if (!/^-?\d+$/.test(v)) throw new UsageError(`${command}: --${name} must be an integer, got ${JSON.stringify(v)}`);
  return Number(v);
}
function oneOf(value, allowed, what) {
  if (!allowed.includes(value)) throw new UsageError(`${what} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  return value;
}

// generator/runtime/changed-stacks.ts
var GLOBAL = [/^opsta\.plan\.yaml$/, /^\.opsta\/pipeline\.json$/, /^\.opsta\/opsta\.mjs$/, /^\.github\/workflows\//, /^\.terraform\.lock\.hcl$/];
function parsePipeline(json2, where = ".opsta/pipeline.json") {
  const stages = json2?.stages;
  if (!Array.isArray(stages)) throw new UsageError(`${where} has no "stages" list; regenerate the repository with opsta generate`);
  stages.forEach((s, i) => {
    if (typeof s?.id !== "string" || typeof s?.dir !== "string" || s.tool !== "terraform" && s.tool !== "helmfile") {
      throw new UsageError(`${where}: stages[${i}] needs a string id and dir and a tool terraform or helmfile`);
    }
  });
  return json2;
}
function changedStages(pipeline, paths) {
  const all = paths.some((p) => GLOBAL.some((g) => g.test(p)));
  const changed = /* @__PURE__ */ new Set();
  for (const s of pipeline.stages) {
    const prefix = s.dir.replace(/\/+$/, "") + "/";
    if (all || paths.some((p) => p.startsWith(prefix))) changed.add(s.id);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of pipeline.stages) {
      if (s.upstream && changed.has(s.upstream) && !changed.has(s.id)) {
        changed.add(s.id);
        grew = true;
      }
    }
  }
  return pipeline.stages.filter((s) => changed.has(s.id));
}

// node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }
  if (typeof process === "object" && process.version !== void 0) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})`;
  }
  return "<environment undetectable>";
}

// node_modules/before-after-hook/lib/register.js
function register(state, name, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }
  if (!options) {
    options = {};
  }
  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name2) => {
      return register.bind(null, state, name2, callback, options);
    }, method)();
  }
  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options);
    }
    return state.registry[name].reduce((method2, registered) => {
      return registered.hook.bind(null, method2, options);
    }, method)();
  });
}

// node_modules/before-after-hook/lib/add.js
function addHook(state, kind, name, hook2) {
  const orig = hook2;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }
  if (kind === "before") {
    hook2 = (method, options) => {
      return Promise.resolve().then(orig.bind(null, options)).then(method.bind(null, options));
    };
  }
  if (kind === "after") {
    hook2 = (method, options) => {
      let result;
      return Promise.resolve().then(method.bind(null, options)).then((result_) => {
        result = result_;
        return orig(result, options);
      }).then(() => {
        return result;
      });
    };
  }
  if (kind === "error") {
    hook2 = (method, options) => {
      return Promise.resolve().then(method.bind(null, options)).catch((error) => {
        return orig(error, options);
      });
    };
  }
  state.registry[name].push({
    hook: hook2,
    orig
  });
}

// node_modules/before-after-hook/lib/remove.js
function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }
  const index = state.registry[name].map((registered) => {
    return registered.orig;
  }).indexOf(method);
  if (index === -1) {
    return;
  }
  state.registry[name].splice(index, 1);
}

// node_modules/before-after-hook/index.js
var bind = Function.bind;
var bindable = bind.bind(bind);
function bindApi(hook2, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook2.api = { remove: removeHookRef };
  hook2.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook2[kind] = hook2.api[kind] = bindable(addHook, null).apply(null, args);
  });
}
function Singular() {
  const singularHookName = Symbol("Singular");
  const singularHookState = {
    registry: {}
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}
function Collection() {
  const state = {
    registry: {}
  };
  const hook2 = register.bind(null, state);
  bindApi(hook2, state);
  return hook2;
}
var before_after_hook_default = { Singular, Collection };

// node_modules/@octokit/endpoint/dist-bundle/index.js
var VERSION = "0.0.0-development";
var userAgent = `octokit-endpoint.js/${VERSION} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url;
  }
  return url + separator + names.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}
var endpoint = withDefaults(null, DEFAULTS);

// node_modules/content-type/dist/index.js
var SP = 32;
var HTAB = 9;
var SEMI = 59;
var EQ = 61;
var DQUOTE = 34;
var BSLASH = 92;
var COMMA = 44;
var LOWER_CASE = 1;
var OWS = 2;
var SEMI_FLAG = 4;
var COMMA_FLAG = 8;
var TOKEN_FLAG = 16;
var NON_ASCII = 65280;
var CASE_FLAGS = LOWER_CASE | NON_ASCII;
var CHAR_MAP = new Uint8Array(256);
CHAR_MAP[HTAB] |= OWS;
CHAR_MAP[SP] |= OWS;
CHAR_MAP[SEMI] |= SEMI_FLAG;
CHAR_MAP[COMMA] |= COMMA_FLAG;
for (let code = 128; code <= 255; code++) {
  CHAR_MAP[code] |= LOWER_CASE;
}
for (const char of "!#$%&'*+-.^_`|~") {
  CHAR_MAP[char.charCodeAt(0)] |= TOKEN_FLAG;
}
for (let code = 48; code <= 57; code++) {
  CHAR_MAP[code] |= TOKEN_FLAG;
}
for (let code = 65; code <= 90; code++) {
  CHAR_MAP[code] |= LOWER_CASE | TOKEN_FLAG;
}
for (let code = 97; code <= 122; code++) {
  CHAR_MAP[code] |= TOKEN_FLAG;
}
var NullObject = /* @__PURE__ */ (() => {
  const C = function() {
  };
  C.prototype = /* @__PURE__ */ Object.create(null);
  return C;
})();
function parse2(header, options) {
  const stopFlags = SEMI_FLAG | (options?.comma === true ? COMMA_FLAG : 0);
  const len = header.length;
  let valueStart = options?.start ?? 0;
  while ((CHAR_MAP[header.charCodeAt(valueStart)] & OWS) !== 0) {
    valueStart++;
  }
  let index = valueStart;
  let typeFlags = 0;
  let whitespace = -1;
  let stop = options?.parameters === false ? COMMA_FLAG : 0;
  while (index < len) {
    const code = header.charCodeAt(index);
    const flags = CHAR_MAP[code];
    if ((flags & stopFlags) !== 0) {
      stop |= flags & COMMA_FLAG;
      break;
    }
    if ((flags & OWS) !== 0) {
      if (whitespace === -1)
        whitespace = index;
    } else {
      whitespace = -1;
    }
    typeFlags |= code & NON_ASCII | flags;
    index++;
  }
  const valueEnd = whitespace === -1 ? index : whitespace;
  const value = header.slice(valueStart, valueEnd);
  const type = (typeFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
  if (index === len || stop !== 0) {
    return { type, index, parameters: new NullObject() };
  }
  return parseParameters(header, type, index, len, stopFlags);
}
function parseParameters(header, type, index, len, stopFlags) {
  const parameters = new NullObject();
  parameter: while (index < len) {
    index++;
    while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
      index++;
    }
    const keyStart = index;
    let keyFlags = 0;
    let keyWhitespace = -1;
    while (index < len) {
      const code = header.charCodeAt(index);
      const flags = CHAR_MAP[code];
      if ((flags & stopFlags) !== 0) {
        if ((flags & COMMA_FLAG) !== 0)
          break parameter;
        continue parameter;
      }
      if (code === EQ) {
        const keyEnd = keyWhitespace === -1 ? index : keyWhitespace;
        const value = header.slice(keyStart, keyEnd);
        const key = (keyFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
        index++;
        while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
          index++;
        }
        if (index < len && header.charCodeAt(index) === DQUOTE) {
          const quotedStart = ++index;
          let escaped = false;
          while (index < len) {
            const code2 = header.charCodeAt(index);
            if (code2 === DQUOTE) {
              if (parameters[key] === void 0) {
                parameters[key] = escaped ? unescapeQuotedPairs(header, quotedStart, index) : header.slice(quotedStart, index);
              }
              index++;
              let stop2 = 0;
              while (index < len) {
                const code3 = header.charCodeAt(index);
                const flags2 = CHAR_MAP[code3];
                if ((flags2 & stopFlags) !== 0) {
                  stop2 = flags2 & COMMA_FLAG;
                  break;
                }
                index++;
              }
              if (stop2 !== 0)
                break parameter;
              continue parameter;
            }
            if (code2 === BSLASH && index + 1 < len) {
              escaped = true;
              index += 2;
              continue;
            }
            index++;
          }
          continue parameter;
        }
        const valueStart = index;
        let stop = 0;
        let valueWhitespace = -1;
        while (index < len) {
          const code2 = header.charCodeAt(index);
          const flags2 = CHAR_MAP[code2];
          if ((flags2 & stopFlags) !== 0) {
            stop = flags2 & COMMA_FLAG;
            break;
          }
          if ((flags2 & OWS) !== 0) {
            if (valueWhitespace === -1)
              valueWhitespace = index;
          } else {
            valueWhitespace = -1;
          }
          index++;
        }
        if (parameters[key] === void 0) {
          const valueEnd = valueWhitespace === -1 ? index : valueWhitespace;
          parameters[key] = header.slice(valueStart, valueEnd);
        }
        if (stop !== 0)
          break parameter;
        continue parameter;
      }
      if ((flags & OWS) !== 0) {
        if (keyWhitespace === -1)
          keyWhitespace = index;
      } else {
        keyWhitespace = -1;
      }
      keyFlags |= code & NON_ASCII | flags;
      index++;
    }
  }
  return { type, index, parameters };
}
function unescapeQuotedPairs(str, start, end) {
  let result = "";
  for (let index = start; index < end; index++) {
    if (str.charCodeAt(index) === BSLASH) {
      result += str.slice(start, index);
      start = ++index;
    }
  }
  return result + str.slice(start, end);
}

// node_modules/json-with-bigint/json-with-bigint.js
var intRegex = /^-?\d+$/;
var noiseValue = /^-?\d+n+$/;
var originalStringify = JSON.stringify;
var originalParse = JSON.parse;
var customFormat = /^-?\d+n$/;
var bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
var noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;
var isUnstringifiable = (val) => val === void 0 || typeof val === "function" || typeof val === "symbol";
var isRawJSON = (val) => val !== null && typeof val === "object" && val.constructor && val.constructor.name === "RawJSON";
var stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";
  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }
  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";
    if (hasToJSON) {
      val = val.toJSON(key);
    }
    const isNoise = typeof val === "string" && noiseValue.test(val);
    if (isNoise) return val + "n";
    const isBigInt = typeof val === "bigint";
    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return JSON.rawJSON(val.toString());
      return val.toString() + "n";
    }
    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }
    const isPostReplacerObject = val !== null && typeof val === "object";
    if (isPostReplacerObject) {
      const isPrimitiveWrapper = val instanceof Number || val instanceof String || val instanceof Boolean;
      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }
    return val;
  };
  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
  if (isUnstringifiable(rootProcessed)) {
    return void 0;
  }
  const isRootPrimitive = rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);
  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }
  const chunks = [];
  let level = 0;
  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true
    }
  ];
  const visited = new WeakSet([rootProcessed]);
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }
    let isDone = false;
    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");
        if (space) chunks.push("\n" + space.repeat(level));
        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);
        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject = childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);
          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }
            visited.add(childVal);
            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true
            });
            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];
        const isFilteredOutByArray = propertyList && !propertyList.has(k);
        if (isFilteredOutByArray) continue;
        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);
        if (isUnstringifiable(childVal)) continue;
        if (!node.first) chunks.push(",");
        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }
        const isComplexObject = childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);
        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }
          visited.add(childVal);
          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true
          });
          node.first = false;
          break;
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }
      const isNodeFullyProcessed = node.index >= node.keys.length && stack[stack.length - 1] === node;
      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }
    if (isDone) {
      level--;
      if (!node.first && space) chunks.push("\n" + space.repeat(level));
      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }
  return chunks.join("");
};
var JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;
    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());
          const hasFunctionReplacer = typeof replacer === "function";
          if (hasFunctionReplacer) return replacer(key, val);
          const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
          if (isKeyInArrayReplacer) return val;
          return val;
        },
        space
      );
    }
    if (!value) return originalStringify(value, replacer, space);
    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);
        if (isNoise) return val.toString() + "n";
        if (typeof val === "bigint") return val.toString() + "n";
        const hasFunctionReplacer = typeof replacer === "function";
        if (hasFunctionReplacer) return replacer(key, val);
        const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
        if (isKeyInArrayReplacer) return val;
        return val;
      },
      space
    );
    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3"
    );
    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3");
    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);
      if (convertedJSON === void 0) return void 0;
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return convertedJSON;
      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");
      return processedJSON.replace(noiseStringify, "$1$2$3");
    }
    throw error;
  }
};
var featureCache = /* @__PURE__ */ new Map();
var isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();
  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }
  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1"
    );
    featureCache.set(parseFingerprint, result);
    return result;
  } catch {
    featureCache.set(parseFingerprint, false);
    return false;
  }
};
var convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt = typeof value === "string" && customFormat.test(value);
  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));
  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);
  const hasUserReviver = typeof userReviver === "function";
  if (!hasUserReviver) return value;
  return userReviver(key, value, context);
};
var JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;
    if (isBigInt) return BigInt(context.source);
    const hasCustomReviver = typeof reviver === "function";
    if (!hasCustomReviver) return value;
    return reviver(key, value, context);
  });
};
var MAX_INT = Number.MAX_SAFE_INTEGER.toString();
var MAX_DIGITS = MAX_INT.length;
var stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
var noiseValueWithQuotes = /^"-?\d+n+"$/;
var applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node.visited) {
      node.visited = true;
      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";
      if (isComplexObject) {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];
      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);
        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);
          if (isNoise) value = value.slice(0, -1);
        }
      }
      const hasUserReviver = typeof userReviver === "function";
      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }
      const isDeleted = value === void 0;
      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }
      stack.pop();
    }
  }
  return rootHolder[""];
};
var serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);
      if (isNoise) return match.substring(0, match.length - 1) + 'n"';
      const hasFractionalOrExponential = fractional || exponential;
      const isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
      const isStandardValue = isString || hasFractionalOrExponential || isLessThanMaxSafeInt;
      if (isStandardValue) return match;
      return '"' + match + 'n"';
    }
  );
};
var JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);
  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver);
    const serializedData = serializeBigInts(text);
    return originalParse(
      serializedData,
      (key, value, context) => convertMarkedBigIntsReviver(key, value, context, reviver)
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);
      return applyReviverIteratively(parsed, reviver);
    }
    throw error;
  }
};

// node_modules/@octokit/request-error/dist-src/index.js
var RequestError = class extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
};

// node_modules/@octokit/request/dist-bundle/index.js
var VERSION2 = "10.0.16";
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${VERSION2} ${getUserAgent()}`
  }
};
function isPlainObject2(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
var noop = () => "";
async function fetchWrapper(requestOptions) {
  const fetch = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = isPlainObject2(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop);
  }
  const mimetype = parse2(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request22 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request22, {
      endpoint: endpoint2,
      defaults: withDefaults2.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request22, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: withDefaults2.bind(null, endpoint2)
  });
}
var request = withDefaults2(endpoint, defaults_default);

// node_modules/@octokit/graphql/dist-bundle/index.js
var VERSION3 = "0.0.0-development";
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request22, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request22;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request22, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request22.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request22(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}
function withDefaults3(request22, newDefaults) {
  const newRequest = request22.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: withDefaults3.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}
var graphql2 = withDefaults3(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${VERSION3} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return withDefaults3(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

// node_modules/@octokit/auth-token/dist-bundle/index.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep}${b64url}${sep}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}
async function hook(token, request4, route, parameters) {
  const endpoint2 = request4.endpoint.merge(
    route,
    parameters
  );
  endpoint2.headers.authorization = withAuthorizationPrefix(token);
  return request4(endpoint2);
}
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};

// node_modules/@octokit/core/dist-src/version.js
var VERSION4 = "7.0.8";

// node_modules/@octokit/core/dist-src/index.js
var noop2 = () => {
};
var consoleWarn = console.warn.bind(console);
var consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = noop2;
  }
  if (typeof logger.info !== "function") {
    logger.info = noop2;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
var userAgentTrail = `octokit-core.js/${VERSION4} ${getUserAgent()}`;
var Octokit = class {
  static VERSION = VERSION4;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options = args[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options,
            options.userAgent && defaults.userAgent ? {
              userAgent: `${options.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook2 = new before_after_hook_default.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook2.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook2;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth2 = createTokenAuth(options.auth);
        hook2.wrap("request", auth2.hook);
        this.auth = auth2;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth2 = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook2.wrap("request", auth2.hook);
      this.auth = auth2;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
};

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION5 = "6.0.0";

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request4, options) => {
    octokit.log.debug("request", options);
    const start = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path = requestOptions.url.replace(options.baseUrl, "");
    return request4(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      return response;
    }).catch((error) => {
      const requestId = error.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path} - ${error.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      throw error;
    });
  });
}
requestLog.VERSION = VERSION5;

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var VERSION6 = "0.0.0-development";
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}
var composePaginateRest = Object.assign(paginate, {
  iterator
});
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = VERSION6;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js
var VERSION7 = "17.0.0";

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js
var Endpoints = {
  actions: {
    addCustomLabelsToSelfHostedRunnerForOrg: [
      "POST /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    addCustomLabelsToSelfHostedRunnerForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    addRepoAccessToSelfHostedRunnerGroupInOrg: [
      "PUT /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    approveWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"
    ],
    cancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel"
    ],
    createEnvironmentVariable: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    createHostedRunnerForOrg: ["POST /orgs/{org}/actions/hosted-runners"],
    createOrUpdateEnvironmentSecret: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    createOrUpdateOrgSecret: ["PUT /orgs/{org}/actions/secrets/{secret_name}"],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    createOrgVariable: ["POST /orgs/{org}/actions/variables"],
    createRegistrationTokenForOrg: [
      "POST /orgs/{org}/actions/runners/registration-token"
    ],
    createRegistrationTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/registration-token"
    ],
    createRemoveTokenForOrg: ["POST /orgs/{org}/actions/runners/remove-token"],
    createRemoveTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/remove-token"
    ],
    createRepoVariable: ["POST /repos/{owner}/{repo}/actions/variables"],
    createWorkflowDispatch: [
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
    ],
    deleteActionsCacheById: [
      "DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}"
    ],
    deleteActionsCacheByKey: [
      "DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}"
    ],
    deleteArtifact: [
      "DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"
    ],
    deleteCustomImageFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    deleteCustomImageVersionFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    deleteEnvironmentSecret: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    deleteEnvironmentVariable: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    deleteHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/actions/secrets/{secret_name}"],
    deleteOrgVariable: ["DELETE /orgs/{org}/actions/variables/{name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    deleteRepoVariable: [
      "DELETE /repos/{owner}/{repo}/actions/variables/{name}"
    ],
    deleteSelfHostedRunnerFromOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}"
    ],
    deleteSelfHostedRunnerFromRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    deleteWorkflowRun: ["DELETE /repos/{owner}/{repo}/actions/runs/{run_id}"],
    deleteWorkflowRunLogs: [
      "DELETE /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    disableSelectedRepositoryGithubActionsOrganization: [
      "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    disableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable"
    ],
    downloadArtifact: [
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}"
    ],
    downloadJobLogsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs"
    ],
    downloadWorkflowRunAttemptLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"
    ],
    downloadWorkflowRunLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    enableSelectedRepositoryGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    enableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable"
    ],
    forceCancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"
    ],
    generateRunnerJitconfigForOrg: [
      "POST /orgs/{org}/actions/runners/generate-jitconfig"
    ],
    generateRunnerJitconfigForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig"
    ],
    getActionsCacheList: ["GET /repos/{owner}/{repo}/actions/caches"],
    getActionsCacheUsage: ["GET /repos/{owner}/{repo}/actions/cache/usage"],
    getActionsCacheUsageByRepoForOrg: [
      "GET /orgs/{org}/actions/cache/usage-by-repository"
    ],
    getActionsCacheUsageForOrg: ["GET /orgs/{org}/actions/cache/usage"],
    getAllowedActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/selected-actions"
    ],
    getAllowedActionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    getArtifact: ["GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"],
    getCustomImageForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    getCustomImageVersionForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    getCustomOidcSubClaimForRepo: [
      "GET /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    getEnvironmentPublicKey: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key"
    ],
    getEnvironmentSecret: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    getEnvironmentVariable: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    getGithubActionsDefaultWorkflowPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions/workflow"
    ],
    getGithubActionsDefaultWorkflowPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    getGithubActionsPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions"
    ],
    getGithubActionsPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions"
    ],
    getHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    getHostedRunnersGithubOwnedImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/github-owned"
    ],
    getHostedRunnersLimitsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/limits"
    ],
    getHostedRunnersMachineSpecsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/machine-sizes"
    ],
    getHostedRunnersPartnerImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/partner"
    ],
    getHostedRunnersPlatformsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/platforms"
    ],
    getJobForWorkflowRun: ["GET /repos/{owner}/{repo}/actions/jobs/{job_id}"],
    getOrgPublicKey: ["GET /orgs/{org}/actions/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/actions/secrets/{secret_name}"],
    getOrgVariable: ["GET /orgs/{org}/actions/variables/{name}"],
    getPendingDeploymentsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    getRepoPermissions: [
      "GET /repos/{owner}/{repo}/actions/permissions",
      {},
      { renamed: ["actions", "getGithubActionsPermissionsRepository"] }
    ],
    getRepoPublicKey: ["GET /repos/{owner}/{repo}/actions/secrets/public-key"],
    getRepoSecret: ["GET /repos/{owner}/{repo}/actions/secrets/{secret_name}"],
    getRepoVariable: ["GET /repos/{owner}/{repo}/actions/variables/{name}"],
    getReviewsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals"
    ],
    getSelfHostedRunnerForOrg: ["GET /orgs/{org}/actions/runners/{runner_id}"],
    getSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    getWorkflow: ["GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}"],
    getWorkflowAccessToRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/access"
    ],
    getWorkflowRun: ["GET /repos/{owner}/{repo}/actions/runs/{run_id}"],
    getWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"
    ],
    getWorkflowRunUsage: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing"
    ],
    getWorkflowUsage: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/timing"
    ],
    listArtifactsForRepo: ["GET /repos/{owner}/{repo}/actions/artifacts"],
    listCustomImageVersionsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions"
    ],
    listCustomImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom"
    ],
    listEnvironmentSecrets: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets"
    ],
    listEnvironmentVariables: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    listGithubHostedRunnersInGroupForOrg: [
      "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners"
    ],
    listHostedRunnersForOrg: ["GET /orgs/{org}/actions/hosted-runners"],
    listJobsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs"
    ],
    listJobsForWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs"
    ],
    listLabelsForSelfHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    listLabelsForSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    listOrgSecrets: ["GET /orgs/{org}/actions/secrets"],
    listOrgVariables: ["GET /orgs/{org}/actions/variables"],
    listRepoOrganizationSecrets: [
      "GET /repos/{owner}/{repo}/actions/organization-secrets"
    ],
    listRepoOrganizationVariables: [
      "GET /repos/{owner}/{repo}/actions/organization-variables"
    ],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/actions/secrets"],
    listRepoVariables: ["GET /repos/{owner}/{repo}/actions/variables"],
    listRepoWorkflows: ["GET /repos/{owner}/{repo}/actions/workflows"],
    listRunnerApplicationsForOrg: ["GET /orgs/{org}/actions/runners/downloads"],
    listRunnerApplicationsForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/downloads"
    ],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    listSelectedReposForOrgVariable: [
      "GET /orgs/{org}/actions/variables/{name}/repositories"
    ],
    listSelectedRepositoriesEnabledGithubActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/repositories"
    ],
    listSelfHostedRunnersForOrg: ["GET /orgs/{org}/actions/runners"],
    listSelfHostedRunnersForRepo: ["GET /repos/{owner}/{repo}/actions/runners"],
    listWorkflowRunArtifacts: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts"
    ],
    listWorkflowRuns: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"
    ],
    listWorkflowRunsForRepo: ["GET /repos/{owner}/{repo}/actions/runs"],
    reRunJobForWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"
    ],
    reRunWorkflow: ["POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun"],
    reRunWorkflowFailedJobs: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    removeCustomLabelFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeCustomLabelFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgVariable: [
      "DELETE /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    reviewCustomGatesForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"
    ],
    reviewPendingDeploymentsForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    setAllowedActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/selected-actions"
    ],
    setAllowedActionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    setCustomLabelsForSelfHostedRunnerForOrg: [
      "PUT /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    setCustomLabelsForSelfHostedRunnerForRepo: [
      "PUT /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    setCustomOidcSubClaimForRepo: [
      "PUT /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    setGithubActionsDefaultWorkflowPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/workflow"
    ],
    setGithubActionsDefaultWorkflowPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    setGithubActionsPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions"
    ],
    setGithubActionsPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories"
    ],
    setSelectedRepositoriesEnabledGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories"
    ],
    setWorkflowAccessToRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/access"
    ],
    updateEnvironmentVariable: [
      "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    updateHostedRunnerForOrg: [
      "PATCH /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    updateOrgVariable: ["PATCH /orgs/{org}/actions/variables/{name}"],
    updateRepoVariable: [
      "PATCH /repos/{owner}/{repo}/actions/variables/{name}"
    ]
  },
  activity: {
    checkRepoIsStarredByAuthenticatedUser: ["GET /user/starred/{owner}/{repo}"],
    deleteRepoSubscription: ["DELETE /repos/{owner}/{repo}/subscription"],
    deleteThreadSubscription: [
      "DELETE /notifications/threads/{thread_id}/subscription"
    ],
    getFeeds: ["GET /feeds"],
    getRepoSubscription: ["GET /repos/{owner}/{repo}/subscription"],
    getThread: ["GET /notifications/threads/{thread_id}"],
    getThreadSubscriptionForAuthenticatedUser: [
      "GET /notifications/threads/{thread_id}/subscription"
    ],
    listEventsForAuthenticatedUser: ["GET /users/{username}/events"],
    listNotificationsForAuthenticatedUser: ["GET /notifications"],
    listOrgEventsForAuthenticatedUser: [
      "GET /users/{username}/events/orgs/{org}"
    ],
    listPublicEvents: ["GET /events"],
    listPublicEventsForRepoNetwork: ["GET /networks/{owner}/{repo}/events"],
    listPublicEventsForUser: ["GET /users/{username}/events/public"],
    listPublicOrgEvents: ["GET /orgs/{org}/events"],
    listReceivedEventsForUser: ["GET /users/{username}/received_events"],
    listReceivedPublicEventsForUser: [
      "GET /users/{username}/received_events/public"
    ],
    listRepoEvents: ["GET /repos/{owner}/{repo}/events"],
    listRepoNotificationsForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/notifications"
    ],
    listReposStarredByAuthenticatedUser: ["GET /user/starred"],
    listReposStarredByUser: ["GET /users/{username}/starred"],
    listReposWatchedByUser: ["GET /users/{username}/subscriptions"],
    listStargazersForRepo: ["GET /repos/{owner}/{repo}/stargazers"],
    listWatchedReposForAuthenticatedUser: ["GET /user/subscriptions"],
    listWatchersForRepo: ["GET /repos/{owner}/{repo}/subscribers"],
    markNotificationsAsRead: ["PUT /notifications"],
    markRepoNotificationsAsRead: ["PUT /repos/{owner}/{repo}/notifications"],
    markThreadAsDone: ["DELETE /notifications/threads/{thread_id}"],
    markThreadAsRead: ["PATCH /notifications/threads/{thread_id}"],
    setRepoSubscription: ["PUT /repos/{owner}/{repo}/subscription"],
    setThreadSubscription: [
      "PUT /notifications/threads/{thread_id}/subscription"
    ],
    starRepoForAuthenticatedUser: ["PUT /user/starred/{owner}/{repo}"],
    unstarRepoForAuthenticatedUser: ["DELETE /user/starred/{owner}/{repo}"]
  },
  apps: {
    addRepoToInstallation: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "addRepoToInstallationForAuthenticatedUser"] }
    ],
    addRepoToInstallationForAuthenticatedUser: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    checkToken: ["POST /applications/{client_id}/token"],
    createFromManifest: ["POST /app-manifests/{code}/conversions"],
    createInstallationAccessToken: [
      "POST /app/installations/{installation_id}/access_tokens"
    ],
    deleteAuthorization: ["DELETE /applications/{client_id}/grant"],
    deleteInstallation: ["DELETE /app/installations/{installation_id}"],
    deleteToken: ["DELETE /applications/{client_id}/token"],
    getAuthenticated: ["GET /app"],
    getBySlug: ["GET /apps/{app_slug}"],
    getInstallation: ["GET /app/installations/{installation_id}"],
    getOrgInstallation: ["GET /orgs/{org}/installation"],
    getRepoInstallation: ["GET /repos/{owner}/{repo}/installation"],
    getSubscriptionPlanForAccount: [
      "GET /marketplace_listing/accounts/{account_id}"
    ],
    getSubscriptionPlanForAccountStubbed: [
      "GET /marketplace_listing/stubbed/accounts/{account_id}"
    ],
    getUserInstallation: ["GET /users/{username}/installation"],
    getWebhookConfigForApp: ["GET /app/hook/config"],
    getWebhookDelivery: ["GET /app/hook/deliveries/{delivery_id}"],
    listAccountsForPlan: ["GET /marketplace_listing/plans/{plan_id}/accounts"],
    listAccountsForPlanStubbed: [
      "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts"
    ],
    listInstallationReposForAuthenticatedUser: [
      "GET /user/installations/{installation_id}/repositories"
    ],
    listInstallationRequestsForAuthenticatedApp: [
      "GET /app/installation-requests"
    ],
    listInstallations: ["GET /app/installations"],
    listInstallationsForAuthenticatedUser: ["GET /user/installations"],
    listPlans: ["GET /marketplace_listing/plans"],
    listPlansStubbed: ["GET /marketplace_listing/stubbed/plans"],
    listReposAccessibleToInstallation: ["GET /installation/repositories"],
    listSubscriptionsForAuthenticatedUser: ["GET /user/marketplace_purchases"],
    listSubscriptionsForAuthenticatedUserStubbed: [
      "GET /user/marketplace_purchases/stubbed"
    ],
    listWebhookDeliveries: ["GET /app/hook/deliveries"],
    redeliverWebhookDelivery: [
      "POST /app/hook/deliveries/{delivery_id}/attempts"
    ],
    removeRepoFromInstallation: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "removeRepoFromInstallationForAuthenticatedUser"] }
    ],
    removeRepoFromInstallationForAuthenticatedUser: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    resetToken: ["PATCH /applications/{client_id}/token"],
    revokeInstallationAccessToken: ["DELETE /installation/token"],
    scopeToken: ["POST /applications/{client_id}/token/scoped"],
    suspendInstallation: ["PUT /app/installations/{installation_id}/suspended"],
    unsuspendInstallation: [
      "DELETE /app/installations/{installation_id}/suspended"
    ],
    updateWebhookConfigForApp: ["PATCH /app/hook/config"]
  },
  billing: {
    getGithubActionsBillingOrg: ["GET /orgs/{org}/settings/billing/actions"],
    getGithubActionsBillingUser: [
      "GET /users/{username}/settings/billing/actions"
    ],
    getGithubBillingPremiumRequestUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/premium_request/usage"
    ],
    getGithubBillingPremiumRequestUsageReportUser: [
      "GET /users/{username}/settings/billing/premium_request/usage"
    ],
    getGithubBillingUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/usage"
    ],
    getGithubBillingUsageReportUser: [
      "GET /users/{username}/settings/billing/usage"
    ],
    getGithubPackagesBillingOrg: ["GET /orgs/{org}/settings/billing/packages"],
    getGithubPackagesBillingUser: [
      "GET /users/{username}/settings/billing/packages"
    ],
    getSharedStorageBillingOrg: [
      "GET /orgs/{org}/settings/billing/shared-storage"
    ],
    getSharedStorageBillingUser: [
      "GET /users/{username}/settings/billing/shared-storage"
    ]
  },
  campaigns: {
    createCampaign: ["POST /orgs/{org}/campaigns"],
    deleteCampaign: ["DELETE /orgs/{org}/campaigns/{campaign_number}"],
    getCampaignSummary: ["GET /orgs/{org}/campaigns/{campaign_number}"],
    listOrgCampaigns: ["GET /orgs/{org}/campaigns"],
    updateCampaign: ["PATCH /orgs/{org}/campaigns/{campaign_number}"]
  },
  checks: {
    create: ["POST /repos/{owner}/{repo}/check-runs"],
    createSuite: ["POST /repos/{owner}/{repo}/check-suites"],
    get: ["GET /repos/{owner}/{repo}/check-runs/{check_run_id}"],
    getSuite: ["GET /repos/{owner}/{repo}/check-suites/{check_suite_id}"],
    listAnnotations: [
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
    ],
    listForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
    listForSuite: [
      "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs"
    ],
    listSuitesForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-suites"],
    rerequestRun: [
      "POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest"
    ],
    rerequestSuite: [
      "POST /repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest"
    ],
    setSuitesPreferences: [
      "PATCH /repos/{owner}/{repo}/check-suites/preferences"
    ],
    update: ["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]
  },
  codeScanning: {
    commitAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix/commits"
    ],
    createAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    createVariantAnalysis: [
      "POST /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses"
    ],
    deleteAnalysis: [
      "DELETE /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}{?confirm_delete}"
    ],
    deleteCodeqlDatabase: [
      "DELETE /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}",
      {},
      { renamedParameters: { alert_id: "alert_number" } }
    ],
    getAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}"
    ],
    getAutofix: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    getCodeqlDatabase: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getDefaultSetup: ["GET /repos/{owner}/{repo}/code-scanning/default-setup"],
    getSarif: ["GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}"],
    getVariantAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}"
    ],
    getVariantAnalysisRepoTask: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}/repos/{repo_owner}/{repo_name}"
    ],
    listAlertInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/code-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/code-scanning/alerts"],
    listAlertsInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
      {},
      { renamed: ["codeScanning", "listAlertInstances"] }
    ],
    listCodeqlDatabases: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases"
    ],
    listRecentAnalyses: ["GET /repos/{owner}/{repo}/code-scanning/analyses"],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}"
    ],
    updateDefaultSetup: [
      "PATCH /repos/{owner}/{repo}/code-scanning/default-setup"
    ],
    uploadSarif: ["POST /repos/{owner}/{repo}/code-scanning/sarifs"]
  },
  codeSecurity: {
    attachConfiguration: [
      "POST /orgs/{org}/code-security/configurations/{configuration_id}/attach"
    ],
    attachEnterpriseConfiguration: [
      "POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach"
    ],
    createConfiguration: ["POST /orgs/{org}/code-security/configurations"],
    createConfigurationForEnterprise: [
      "POST /enterprises/{enterprise}/code-security/configurations"
    ],
    deleteConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    deleteConfigurationForEnterprise: [
      "DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    detachConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/detach"
    ],
    getConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    getConfigurationForRepository: [
      "GET /repos/{owner}/{repo}/code-security-configuration"
    ],
    getConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations"
    ],
    getConfigurationsForOrg: ["GET /orgs/{org}/code-security/configurations"],
    getDefaultConfigurations: [
      "GET /orgs/{org}/code-security/configurations/defaults"
    ],
    getDefaultConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/defaults"
    ],
    getRepositoriesForConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories"
    ],
    getRepositoriesForEnterpriseConfiguration: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories"
    ],
    getSingleConfigurationForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    setConfigurationAsDefault: [
      "PUT /orgs/{org}/code-security/configurations/{configuration_id}/defaults"
    ],
    setConfigurationAsDefaultForEnterprise: [
      "PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults"
    ],
    updateConfiguration: [
      "PATCH /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    updateEnterpriseConfiguration: [
      "PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ]
  },
  codesOfConduct: {
    getAllCodesOfConduct: ["GET /codes_of_conduct"],
    getConductCode: ["GET /codes_of_conduct/{key}"]
  },
  codespaces: {
    addRepositoryForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    checkPermissionsForDevcontainer: [
      "GET /repos/{owner}/{repo}/codespaces/permissions_check"
    ],
    codespaceMachinesForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/machines"
    ],
    createForAuthenticatedUser: ["POST /user/codespaces"],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}"
    ],
    createWithPrForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces"
    ],
    createWithRepoForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/codespaces"
    ],
    deleteForAuthenticatedUser: ["DELETE /user/codespaces/{codespace_name}"],
    deleteFromOrganization: [
      "DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/codespaces/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    deleteSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}"
    ],
    exportForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/exports"
    ],
    getCodespacesForUserInOrg: [
      "GET /orgs/{org}/members/{username}/codespaces"
    ],
    getExportDetailsForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/exports/{export_id}"
    ],
    getForAuthenticatedUser: ["GET /user/codespaces/{codespace_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/codespaces/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/codespaces/secrets/{secret_name}"],
    getPublicKeyForAuthenticatedUser: [
      "GET /user/codespaces/secrets/public-key"
    ],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    getSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}"
    ],
    listDevcontainersInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/devcontainers"
    ],
    listForAuthenticatedUser: ["GET /user/codespaces"],
    listInOrganization: [
      "GET /orgs/{org}/codespaces",
      {},
      { renamedParameters: { org_id: "org" } }
    ],
    listInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces"
    ],
    listOrgSecrets: ["GET /orgs/{org}/codespaces/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/codespaces/secrets"],
    listRepositoriesForSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}/repositories"
    ],
    listSecretsForAuthenticatedUser: ["GET /user/codespaces/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    preFlightWithRepoForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/new"
    ],
    publishForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/publish"
    ],
    removeRepositoryForSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repoMachinesForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/machines"
    ],
    setRepositoriesForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    startForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/start"],
    stopForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/stop"],
    stopInOrganization: [
      "POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop"
    ],
    updateForAuthenticatedUser: ["PATCH /user/codespaces/{codespace_name}"]
  },
  copilot: {
    addCopilotSeatsForTeams: [
      "POST /orgs/{org}/copilot/billing/selected_teams"
    ],
    addCopilotSeatsForUsers: [
      "POST /orgs/{org}/copilot/billing/selected_users"
    ],
    cancelCopilotSeatAssignmentForTeams: [
      "DELETE /orgs/{org}/copilot/billing/selected_teams"
    ],
    cancelCopilotSeatAssignmentForUsers: [
      "DELETE /orgs/{org}/copilot/billing/selected_users"
    ],
    copilotMetricsForOrganization: ["GET /orgs/{org}/copilot/metrics"],
    copilotMetricsForTeam: ["GET /orgs/{org}/team/{team_slug}/copilot/metrics"],
    getCopilotOrganizationDetails: ["GET /orgs/{org}/copilot/billing"],
    getCopilotSeatDetailsForUser: [
      "GET /orgs/{org}/members/{username}/copilot"
    ],
    listCopilotSeats: ["GET /orgs/{org}/copilot/billing/seats"]
  },
  credentials: { revoke: ["POST /credentials/revoke"] },
  dependabot: {
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/dependabot/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    getAlert: ["GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"],
    getOrgPublicKey: ["GET /orgs/{org}/dependabot/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/dependabot/secrets/{secret_name}"],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    listAlertsForEnterprise: [
      "GET /enterprises/{enterprise}/dependabot/alerts"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/dependabot/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/dependabot/alerts"],
    listOrgSecrets: ["GET /orgs/{org}/dependabot/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/dependabot/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repositoryAccessForOrg: [
      "GET /organizations/{org}/dependabot/repository-access"
    ],
    setRepositoryAccessDefaultLevel: [
      "PUT /organizations/{org}/dependabot/repository-access/default-level"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"
    ],
    updateRepositoryAccessForOrg: [
      "PATCH /organizations/{org}/dependabot/repository-access"
    ]
  },
  dependencyGraph: {
    createRepositorySnapshot: [
      "POST /repos/{owner}/{repo}/dependency-graph/snapshots"
    ],
    diffRange: [
      "GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}"
    ],
    exportSbom: ["GET /repos/{owner}/{repo}/dependency-graph/sbom"]
  },
  emojis: { get: ["GET /emojis"] },
  enterpriseTeamMemberships: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/remove"
    ],
    get: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    list: ["GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships"],
    remove: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ]
  },
  enterpriseTeamOrganizations: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/remove"
    ],
    delete: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignment: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignments: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations"
    ]
  },
  enterpriseTeams: {
    create: ["POST /enterprises/{enterprise}/teams"],
    delete: ["DELETE /enterprises/{enterprise}/teams/{team_slug}"],
    get: ["GET /enterprises/{enterprise}/teams/{team_slug}"],
    list: ["GET /enterprises/{enterprise}/teams"],
    update: ["PATCH /enterprises/{enterprise}/teams/{team_slug}"]
  },
  gists: {
    checkIsStarred: ["GET /gists/{gist_id}/star"],
    create: ["POST /gists"],
    createComment: ["POST /gists/{gist_id}/comments"],
    delete: ["DELETE /gists/{gist_id}"],
    deleteComment: ["DELETE /gists/{gist_id}/comments/{comment_id}"],
    fork: ["POST /gists/{gist_id}/forks"],
    get: ["GET /gists/{gist_id}"],
    getComment: ["GET /gists/{gist_id}/comments/{comment_id}"],
    getRevision: ["GET /gists/{gist_id}/{sha}"],
    list: ["GET /gists"],
    listComments: ["GET /gists/{gist_id}/comments"],
    listCommits: ["GET /gists/{gist_id}/commits"],
    listForUser: ["GET /users/{username}/gists"],
    listForks: ["GET /gists/{gist_id}/forks"],
    listPublic: ["GET /gists/public"],
    listStarred: ["GET /gists/starred"],
    star: ["PUT /gists/{gist_id}/star"],
    unstar: ["DELETE /gists/{gist_id}/star"],
    update: ["PATCH /gists/{gist_id}"],
    updateComment: ["PATCH /gists/{gist_id}/comments/{comment_id}"]
  },
  git: {
    createBlob: ["POST /repos/{owner}/{repo}/git/blobs"],
    createCommit: ["POST /repos/{owner}/{repo}/git/commits"],
    createRef: ["POST /repos/{owner}/{repo}/git/refs"],
    createTag: ["POST /repos/{owner}/{repo}/git/tags"],
    createTree: ["POST /repos/{owner}/{repo}/git/trees"],
    deleteRef: ["DELETE /repos/{owner}/{repo}/git/refs/{ref}"],
    getBlob: ["GET /repos/{owner}/{repo}/git/blobs/{file_sha}"],
    getCommit: ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"],
    getRef: ["GET /repos/{owner}/{repo}/git/ref/{ref}"],
    getTag: ["GET /repos/{owner}/{repo}/git/tags/{tag_sha}"],
    getTree: ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"],
    listMatchingRefs: ["GET /repos/{owner}/{repo}/git/matching-refs/{ref}"],
    updateRef: ["PATCH /repos/{owner}/{repo}/git/refs/{ref}"]
  },
  gitignore: {
    getAllTemplates: ["GET /gitignore/templates"],
    getTemplate: ["GET /gitignore/templates/{name}"]
  },
  hostedCompute: {
    createNetworkConfigurationForOrg: [
      "POST /orgs/{org}/settings/network-configurations"
    ],
    deleteNetworkConfigurationFromOrg: [
      "DELETE /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkConfigurationForOrg: [
      "GET /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkSettingsForOrg: [
      "GET /orgs/{org}/settings/network-settings/{network_settings_id}"
    ],
    listNetworkConfigurationsForOrg: [
      "GET /orgs/{org}/settings/network-configurations"
    ],
    updateNetworkConfigurationForOrg: [
      "PATCH /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ]
  },
  interactions: {
    getRestrictionsForAuthenticatedUser: ["GET /user/interaction-limits"],
    getRestrictionsForOrg: ["GET /orgs/{org}/interaction-limits"],
    getRestrictionsForRepo: ["GET /repos/{owner}/{repo}/interaction-limits"],
    getRestrictionsForYourPublicRepos: [
      "GET /user/interaction-limits",
      {},
      { renamed: ["interactions", "getRestrictionsForAuthenticatedUser"] }
    ],
    removeRestrictionsForAuthenticatedUser: ["DELETE /user/interaction-limits"],
    removeRestrictionsForOrg: ["DELETE /orgs/{org}/interaction-limits"],
    removeRestrictionsForRepo: [
      "DELETE /repos/{owner}/{repo}/interaction-limits"
    ],
    removeRestrictionsForYourPublicRepos: [
      "DELETE /user/interaction-limits",
      {},
      { renamed: ["interactions", "removeRestrictionsForAuthenticatedUser"] }
    ],
    setRestrictionsForAuthenticatedUser: ["PUT /user/interaction-limits"],
    setRestrictionsForOrg: ["PUT /orgs/{org}/interaction-limits"],
    setRestrictionsForRepo: ["PUT /repos/{owner}/{repo}/interaction-limits"],
    setRestrictionsForYourPublicRepos: [
      "PUT /user/interaction-limits",
      {},
      { renamed: ["interactions", "setRestrictionsForAuthenticatedUser"] }
    ]
  },
  issues: {
    addAssignees: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    addBlockedByDependency: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    addLabels: ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    addSubIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    checkUserCanBeAssigned: ["GET /repos/{owner}/{repo}/assignees/{assignee}"],
    checkUserCanBeAssignedToIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}"
    ],
    create: ["POST /repos/{owner}/{repo}/issues"],
    createComment: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
    ],
    createLabel: ["POST /repos/{owner}/{repo}/labels"],
    createMilestone: ["POST /repos/{owner}/{repo}/milestones"],
    deleteComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"
    ],
    deleteLabel: ["DELETE /repos/{owner}/{repo}/labels/{name}"],
    deleteMilestone: [
      "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}"
    ],
    get: ["GET /repos/{owner}/{repo}/issues/{issue_number}"],
    getComment: ["GET /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    getEvent: ["GET /repos/{owner}/{repo}/issues/events/{event_id}"],
    getLabel: ["GET /repos/{owner}/{repo}/labels/{name}"],
    getMilestone: ["GET /repos/{owner}/{repo}/milestones/{milestone_number}"],
    getParent: ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent"],
    list: ["GET /issues"],
    listAssignees: ["GET /repos/{owner}/{repo}/assignees"],
    listComments: ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
    listCommentsForRepo: ["GET /repos/{owner}/{repo}/issues/comments"],
    listDependenciesBlockedBy: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    listDependenciesBlocking: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking"
    ],
    listEvents: ["GET /repos/{owner}/{repo}/issues/{issue_number}/events"],
    listEventsForRepo: ["GET /repos/{owner}/{repo}/issues/events"],
    listEventsForTimeline: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline"
    ],
    listForAuthenticatedUser: ["GET /user/issues"],
    listForOrg: ["GET /orgs/{org}/issues"],
    listForRepo: ["GET /repos/{owner}/{repo}/issues"],
    listLabelsForMilestone: [
      "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels"
    ],
    listLabelsForRepo: ["GET /repos/{owner}/{repo}/labels"],
    listLabelsOnIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    listMilestones: ["GET /repos/{owner}/{repo}/milestones"],
    listSubIssues: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    lock: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    removeAllLabels: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    removeAssignees: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    removeDependencyBlockedBy: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}"
    ],
    removeLabel: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
    ],
    removeSubIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue"
    ],
    reprioritizeSubIssue: [
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority"
    ],
    setLabels: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    unlock: ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    update: ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"],
    updateComment: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    updateLabel: ["PATCH /repos/{owner}/{repo}/labels/{name}"],
    updateMilestone: [
      "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"
    ]
  },
  licenses: {
    get: ["GET /licenses/{license}"],
    getAllCommonlyUsed: ["GET /licenses"],
    getForRepo: ["GET /repos/{owner}/{repo}/license"]
  },
  markdown: {
    render: ["POST /markdown"],
    renderRaw: [
      "POST /markdown/raw",
      { headers: { "content-type": "text/plain; charset=utf-8" } }
    ]
  },
  meta: {
    get: ["GET /meta"],
    getAllVersions: ["GET /versions"],
    getOctocat: ["GET /octocat"],
    getZen: ["GET /zen"],
    root: ["GET /"]
  },
  migrations: {
    deleteArchiveForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/archive"
    ],
    deleteArchiveForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/archive"
    ],
    downloadArchiveForOrg: [
      "GET /orgs/{org}/migrations/{migration_id}/archive"
    ],
    getArchiveForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/archive"
    ],
    getStatusForAuthenticatedUser: ["GET /user/migrations/{migration_id}"],
    getStatusForOrg: ["GET /orgs/{org}/migrations/{migration_id}"],
    listForAuthenticatedUser: ["GET /user/migrations"],
    listForOrg: ["GET /orgs/{org}/migrations"],
    listReposForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/repositories"
    ],
    listReposForOrg: ["GET /orgs/{org}/migrations/{migration_id}/repositories"],
    listReposForUser: [
      "GET /user/migrations/{migration_id}/repositories",
      {},
      { renamed: ["migrations", "listReposForAuthenticatedUser"] }
    ],
    startForAuthenticatedUser: ["POST /user/migrations"],
    startForOrg: ["POST /orgs/{org}/migrations"],
    unlockRepoForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/repos/{repo_name}/lock"
    ],
    unlockRepoForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock"
    ]
  },
  oidc: {
    getOidcCustomSubTemplateForOrg: [
      "GET /orgs/{org}/actions/oidc/customization/sub"
    ],
    updateOidcCustomSubTemplateForOrg: [
      "PUT /orgs/{org}/actions/oidc/customization/sub"
    ]
  },
  orgs: {
    addSecurityManagerTeam: [
      "PUT /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.addSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#add-a-security-manager-team"
      }
    ],
    assignTeamToOrgRole: [
      "PUT /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    assignUserToOrgRole: [
      "PUT /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    blockUser: ["PUT /orgs/{org}/blocks/{username}"],
    cancelInvitation: ["DELETE /orgs/{org}/invitations/{invitation_id}"],
    checkBlockedUser: ["GET /orgs/{org}/blocks/{username}"],
    checkMembershipForUser: ["GET /orgs/{org}/members/{username}"],
    checkPublicMembershipForUser: ["GET /orgs/{org}/public_members/{username}"],
    convertMemberToOutsideCollaborator: [
      "PUT /orgs/{org}/outside_collaborators/{username}"
    ],
    createArtifactStorageRecord: [
      "POST /orgs/{org}/artifacts/metadata/storage-record"
    ],
    createInvitation: ["POST /orgs/{org}/invitations"],
    createIssueType: ["POST /orgs/{org}/issue-types"],
    createWebhook: ["POST /orgs/{org}/hooks"],
    customPropertiesForOrgsCreateOrUpdateOrganizationValues: [
      "PATCH /organizations/{org}/org-properties/values"
    ],
    customPropertiesForOrgsGetOrganizationValues: [
      "GET /organizations/{org}/org-properties/values"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinition: [
      "PUT /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinitions: [
      "PATCH /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationValues: [
      "PATCH /orgs/{org}/properties/values"
    ],
    customPropertiesForReposDeleteOrganizationDefinition: [
      "DELETE /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinition: [
      "GET /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinitions: [
      "GET /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposGetOrganizationValues: [
      "GET /orgs/{org}/properties/values"
    ],
    delete: ["DELETE /orgs/{org}"],
    deleteAttestationsBulk: ["POST /orgs/{org}/attestations/delete-request"],
    deleteAttestationsById: [
      "DELETE /orgs/{org}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /orgs/{org}/attestations/digest/{subject_digest}"
    ],
    deleteIssueType: ["DELETE /orgs/{org}/issue-types/{issue_type_id}"],
    deleteWebhook: ["DELETE /orgs/{org}/hooks/{hook_id}"],
    disableSelectedRepositoryImmutableReleasesOrganization: [
      "DELETE /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    enableSelectedRepositoryImmutableReleasesOrganization: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    get: ["GET /orgs/{org}"],
    getImmutableReleasesSettings: [
      "GET /orgs/{org}/settings/immutable-releases"
    ],
    getImmutableReleasesSettingsRepositories: [
      "GET /orgs/{org}/settings/immutable-releases/repositories"
    ],
    getMembershipForAuthenticatedUser: ["GET /user/memberships/orgs/{org}"],
    getMembershipForUser: ["GET /orgs/{org}/memberships/{username}"],
    getOrgRole: ["GET /orgs/{org}/organization-roles/{role_id}"],
    getOrgRulesetHistory: ["GET /orgs/{org}/rulesets/{ruleset_id}/history"],
    getOrgRulesetVersion: [
      "GET /orgs/{org}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getWebhook: ["GET /orgs/{org}/hooks/{hook_id}"],
    getWebhookConfigForOrg: ["GET /orgs/{org}/hooks/{hook_id}/config"],
    getWebhookDelivery: [
      "GET /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    list: ["GET /organizations"],
    listAppInstallations: ["GET /orgs/{org}/installations"],
    listArtifactStorageRecords: [
      "GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records"
    ],
    listAttestationRepositories: ["GET /orgs/{org}/attestations/repositories"],
    listAttestations: ["GET /orgs/{org}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /orgs/{org}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedUsers: ["GET /orgs/{org}/blocks"],
    listFailedInvitations: ["GET /orgs/{org}/failed_invitations"],
    listForAuthenticatedUser: ["GET /user/orgs"],
    listForUser: ["GET /users/{username}/orgs"],
    listInvitationTeams: ["GET /orgs/{org}/invitations/{invitation_id}/teams"],
    listIssueTypes: ["GET /orgs/{org}/issue-types"],
    listMembers: ["GET /orgs/{org}/members"],
    listMembershipsForAuthenticatedUser: ["GET /user/memberships/orgs"],
    listOrgRoleTeams: ["GET /orgs/{org}/organization-roles/{role_id}/teams"],
    listOrgRoleUsers: ["GET /orgs/{org}/organization-roles/{role_id}/users"],
    listOrgRoles: ["GET /orgs/{org}/organization-roles"],
    listOrganizationFineGrainedPermissions: [
      "GET /orgs/{org}/organization-fine-grained-permissions"
    ],
    listOutsideCollaborators: ["GET /orgs/{org}/outside_collaborators"],
    listPatGrantRepositories: [
      "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories"
    ],
    listPatGrantRequestRepositories: [
      "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories"
    ],
    listPatGrantRequests: ["GET /orgs/{org}/personal-access-token-requests"],
    listPatGrants: ["GET /orgs/{org}/personal-access-tokens"],
    listPendingInvitations: ["GET /orgs/{org}/invitations"],
    listPublicMembers: ["GET /orgs/{org}/public_members"],
    listSecurityManagerTeams: [
      "GET /orgs/{org}/security-managers",
      {},
      {
        deprecated: "octokit.rest.orgs.listSecurityManagerTeams() is deprecated, see https://docs.github.com/rest/orgs/security-managers#list-security-manager-teams"
      }
    ],
    listWebhookDeliveries: ["GET /orgs/{org}/hooks/{hook_id}/deliveries"],
    listWebhooks: ["GET /orgs/{org}/hooks"],
    pingWebhook: ["POST /orgs/{org}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeMember: ["DELETE /orgs/{org}/members/{username}"],
    removeMembershipForUser: ["DELETE /orgs/{org}/memberships/{username}"],
    removeOutsideCollaborator: [
      "DELETE /orgs/{org}/outside_collaborators/{username}"
    ],
    removePublicMembershipForAuthenticatedUser: [
      "DELETE /orgs/{org}/public_members/{username}"
    ],
    removeSecurityManagerTeam: [
      "DELETE /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.removeSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#remove-a-security-manager-team"
      }
    ],
    reviewPatGrantRequest: [
      "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}"
    ],
    reviewPatGrantRequestsInBulk: [
      "POST /orgs/{org}/personal-access-token-requests"
    ],
    revokeAllOrgRolesTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}"
    ],
    revokeAllOrgRolesUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}"
    ],
    revokeOrgRoleTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    revokeOrgRoleUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    setImmutableReleasesSettings: [
      "PUT /orgs/{org}/settings/immutable-releases"
    ],
    setImmutableReleasesSettingsRepositories: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories"
    ],
    setMembershipForUser: ["PUT /orgs/{org}/memberships/{username}"],
    setPublicMembershipForAuthenticatedUser: [
      "PUT /orgs/{org}/public_members/{username}"
    ],
    unblockUser: ["DELETE /orgs/{org}/blocks/{username}"],
    update: ["PATCH /orgs/{org}"],
    updateIssueType: ["PUT /orgs/{org}/issue-types/{issue_type_id}"],
    updateMembershipForAuthenticatedUser: [
      "PATCH /user/memberships/orgs/{org}"
    ],
    updatePatAccess: ["POST /orgs/{org}/personal-access-tokens/{pat_id}"],
    updatePatAccesses: ["POST /orgs/{org}/personal-access-tokens"],
    updateWebhook: ["PATCH /orgs/{org}/hooks/{hook_id}"],
    updateWebhookConfigForOrg: ["PATCH /orgs/{org}/hooks/{hook_id}/config"]
  },
  packages: {
    deletePackageForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}"
    ],
    deletePackageForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    deletePackageForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}"
    ],
    deletePackageVersionForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getAllPackageVersionsForAPackageOwnedByAnOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
      {},
      { renamed: ["packages", "getAllPackageVersionsForPackageOwnedByOrg"] }
    ],
    getAllPackageVersionsForAPackageOwnedByTheAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions",
      {},
      {
        renamed: [
          "packages",
          "getAllPackageVersionsForPackageOwnedByAuthenticatedUser"
        ]
      }
    ],
    getAllPackageVersionsForPackageOwnedByAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions"
    ],
    getPackageForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}"
    ],
    getPackageForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    getPackageForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}"
    ],
    getPackageVersionForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    listDockerMigrationConflictingPackagesForAuthenticatedUser: [
      "GET /user/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForOrganization: [
      "GET /orgs/{org}/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForUser: [
      "GET /users/{username}/docker/conflicts"
    ],
    listPackagesForAuthenticatedUser: ["GET /user/packages"],
    listPackagesForOrganization: ["GET /orgs/{org}/packages"],
    listPackagesForUser: ["GET /users/{username}/packages"],
    restorePackageForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageVersionForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ]
  },
  privateRegistries: {
    createOrgPrivateRegistry: ["POST /orgs/{org}/private-registries"],
    deleteOrgPrivateRegistry: [
      "DELETE /orgs/{org}/private-registries/{secret_name}"
    ],
    getOrgPrivateRegistry: ["GET /orgs/{org}/private-registries/{secret_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/private-registries/public-key"],
    listOrgPrivateRegistries: ["GET /orgs/{org}/private-registries"],
    updateOrgPrivateRegistry: [
      "PATCH /orgs/{org}/private-registries/{secret_name}"
    ]
  },
  projects: {
    addItemForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/items"],
    addItemForUser: [
      "POST /users/{username}/projectsV2/{project_number}/items"
    ],
    deleteItemForOrg: [
      "DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    deleteItemForUser: [
      "DELETE /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    getFieldForOrg: [
      "GET /orgs/{org}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getFieldForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getForOrg: ["GET /orgs/{org}/projectsV2/{project_number}"],
    getForUser: ["GET /users/{username}/projectsV2/{project_number}"],
    getOrgItem: ["GET /orgs/{org}/projectsV2/{project_number}/items/{item_id}"],
    getUserItem: [
      "GET /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    listFieldsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/fields"],
    listFieldsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields"
    ],
    listForOrg: ["GET /orgs/{org}/projectsV2"],
    listForUser: ["GET /users/{username}/projectsV2"],
    listItemsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/items"],
    listItemsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/items"
    ],
    updateItemForOrg: [
      "PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    updateItemForUser: [
      "PATCH /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ]
  },
  pulls: {
    checkIfMerged: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    create: ["POST /repos/{owner}/{repo}/pulls"],
    createReplyForReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
    ],
    createReview: ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    createReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    deletePendingReview: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    deleteReviewComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ],
    dismissReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"
    ],
    get: ["GET /repos/{owner}/{repo}/pulls/{pull_number}"],
    getReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    getReviewComment: ["GET /repos/{owner}/{repo}/pulls/comments/{comment_id}"],
    list: ["GET /repos/{owner}/{repo}/pulls"],
    listCommentsForReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"],
    listFiles: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/files"],
    listRequestedReviewers: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    listReviewComments: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    listReviewCommentsForRepo: ["GET /repos/{owner}/{repo}/pulls/comments"],
    listReviews: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    merge: ["PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    removeRequestedReviewers: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    requestReviewers: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    submitReview: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events"
    ],
    update: ["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"],
    updateBranch: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch"
    ],
    updateReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    updateReviewComment: [
      "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ]
  },
  rateLimit: { get: ["GET /rate_limit"] },
  reactions: {
    createForCommitComment: [
      "POST /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    createForIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions"
    ],
    createForIssueComment: [
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    createForPullRequestReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    createForRelease: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    createForTeamDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    createForTeamDiscussionInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ],
    deleteForCommitComment: [
      "DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}"
    ],
    deleteForIssueComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForPullRequestComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForRelease: [
      "DELETE /repos/{owner}/{repo}/releases/{release_id}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussion: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussionComment: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions/{reaction_id}"
    ],
    listForCommitComment: [
      "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    listForIssue: ["GET /repos/{owner}/{repo}/issues/{issue_number}/reactions"],
    listForIssueComment: [
      "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    listForPullRequestReviewComment: [
      "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    listForRelease: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    listForTeamDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    listForTeamDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ]
  },
  repos: {
    acceptInvitation: [
      "PATCH /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "acceptInvitationForAuthenticatedUser"] }
    ],
    acceptInvitationForAuthenticatedUser: [
      "PATCH /user/repository_invitations/{invitation_id}"
    ],
    addAppAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    addCollaborator: ["PUT /repos/{owner}/{repo}/collaborators/{username}"],
    addStatusCheckContexts: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    addTeamAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    addUserAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    cancelPagesDeployment: [
      "POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel"
    ],
    checkAutomatedSecurityFixes: [
      "GET /repos/{owner}/{repo}/automated-security-fixes"
    ],
    checkCollaborator: ["GET /repos/{owner}/{repo}/collaborators/{username}"],
    checkImmutableReleases: ["GET /repos/{owner}/{repo}/immutable-releases"],
    checkPrivateVulnerabilityReporting: [
      "GET /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    checkVulnerabilityAlerts: [
      "GET /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    codeownersErrors: ["GET /repos/{owner}/{repo}/codeowners/errors"],
    compareCommits: ["GET /repos/{owner}/{repo}/compare/{base}...{head}"],
    compareCommitsWithBasehead: [
      "GET /repos/{owner}/{repo}/compare/{basehead}"
    ],
    createAttestation: ["POST /repos/{owner}/{repo}/attestations"],
    createAutolink: ["POST /repos/{owner}/{repo}/autolinks"],
    createCommitComment: [
      "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    createCommitSignatureProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    createCommitStatus: ["POST /repos/{owner}/{repo}/statuses/{sha}"],
    createDeployKey: ["POST /repos/{owner}/{repo}/keys"],
    createDeployment: ["POST /repos/{owner}/{repo}/deployments"],
    createDeploymentBranchPolicy: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    createDeploymentProtectionRule: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    createDeploymentStatus: [
      "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    createDispatchEvent: ["POST /repos/{owner}/{repo}/dispatches"],
    createForAuthenticatedUser: ["POST /user/repos"],
    createFork: ["POST /repos/{owner}/{repo}/forks"],
    createInOrg: ["POST /orgs/{org}/repos"],
    createOrUpdateEnvironment: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    createOrUpdateFileContents: ["PUT /repos/{owner}/{repo}/contents/{path}"],
    createOrgRuleset: ["POST /orgs/{org}/rulesets"],
    createPagesDeployment: ["POST /repos/{owner}/{repo}/pages/deployments"],
    createPagesSite: ["POST /repos/{owner}/{repo}/pages"],
    createRelease: ["POST /repos/{owner}/{repo}/releases"],
    createRepoRuleset: ["POST /repos/{owner}/{repo}/rulesets"],
    createUsingTemplate: [
      "POST /repos/{template_owner}/{template_repo}/generate"
    ],
    createWebhook: ["POST /repos/{owner}/{repo}/hooks"],
    customPropertiesForReposCreateOrUpdateRepositoryValues: [
      "PATCH /repos/{owner}/{repo}/properties/values"
    ],
    customPropertiesForReposGetRepositoryValues: [
      "GET /repos/{owner}/{repo}/properties/values"
    ],
    declineInvitation: [
      "DELETE /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "declineInvitationForAuthenticatedUser"] }
    ],
    declineInvitationForAuthenticatedUser: [
      "DELETE /user/repository_invitations/{invitation_id}"
    ],
    delete: ["DELETE /repos/{owner}/{repo}"],
    deleteAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    deleteAdminBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    deleteAnEnvironment: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    deleteAutolink: ["DELETE /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    deleteBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    deleteCommitComment: ["DELETE /repos/{owner}/{repo}/comments/{comment_id}"],
    deleteCommitSignatureProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    deleteDeployKey: ["DELETE /repos/{owner}/{repo}/keys/{key_id}"],
    deleteDeployment: [
      "DELETE /repos/{owner}/{repo}/deployments/{deployment_id}"
    ],
    deleteDeploymentBranchPolicy: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    deleteFile: ["DELETE /repos/{owner}/{repo}/contents/{path}"],
    deleteInvitation: [
      "DELETE /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    deleteOrgRuleset: ["DELETE /orgs/{org}/rulesets/{ruleset_id}"],
    deletePagesSite: ["DELETE /repos/{owner}/{repo}/pages"],
    deletePullRequestReviewProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    deleteRelease: ["DELETE /repos/{owner}/{repo}/releases/{release_id}"],
    deleteReleaseAsset: [
      "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    deleteRepoRuleset: ["DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    deleteWebhook: ["DELETE /repos/{owner}/{repo}/hooks/{hook_id}"],
    disableAutomatedSecurityFixes: [
      "DELETE /repos/{owner}/{repo}/automated-security-fixes"
    ],
    disableDeploymentProtectionRule: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    disableImmutableReleases: [
      "DELETE /repos/{owner}/{repo}/immutable-releases"
    ],
    disablePrivateVulnerabilityReporting: [
      "DELETE /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    disableVulnerabilityAlerts: [
      "DELETE /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    downloadArchive: [
      "GET /repos/{owner}/{repo}/zipball/{ref}",
      {},
      { renamed: ["repos", "downloadZipballArchive"] }
    ],
    downloadTarballArchive: ["GET /repos/{owner}/{repo}/tarball/{ref}"],
    downloadZipballArchive: ["GET /repos/{owner}/{repo}/zipball/{ref}"],
    enableAutomatedSecurityFixes: [
      "PUT /repos/{owner}/{repo}/automated-security-fixes"
    ],
    enableImmutableReleases: ["PUT /repos/{owner}/{repo}/immutable-releases"],
    enablePrivateVulnerabilityReporting: [
      "PUT /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    enableVulnerabilityAlerts: [
      "PUT /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    generateReleaseNotes: [
      "POST /repos/{owner}/{repo}/releases/generate-notes"
    ],
    get: ["GET /repos/{owner}/{repo}"],
    getAccessRestrictions: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    getAdminBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    getAllDeploymentProtectionRules: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    getAllEnvironments: ["GET /repos/{owner}/{repo}/environments"],
    getAllStatusCheckContexts: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts"
    ],
    getAllTopics: ["GET /repos/{owner}/{repo}/topics"],
    getAppsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps"
    ],
    getAutolink: ["GET /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    getBranch: ["GET /repos/{owner}/{repo}/branches/{branch}"],
    getBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    getBranchRules: ["GET /repos/{owner}/{repo}/rules/branches/{branch}"],
    getClones: ["GET /repos/{owner}/{repo}/traffic/clones"],
    getCodeFrequencyStats: ["GET /repos/{owner}/{repo}/stats/code_frequency"],
    getCollaboratorPermissionLevel: [
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission"
    ],
    getCombinedStatusForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/status"],
    getCommit: ["GET /repos/{owner}/{repo}/commits/{ref}"],
    getCommitActivityStats: ["GET /repos/{owner}/{repo}/stats/commit_activity"],
    getCommitComment: ["GET /repos/{owner}/{repo}/comments/{comment_id}"],
    getCommitSignatureProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    getCommunityProfileMetrics: ["GET /repos/{owner}/{repo}/community/profile"],
    getContent: ["GET /repos/{owner}/{repo}/contents/{path}"],
    getContributorsStats: ["GET /repos/{owner}/{repo}/stats/contributors"],
    getCustomDeploymentProtectionRule: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    getDeployKey: ["GET /repos/{owner}/{repo}/keys/{key_id}"],
    getDeployment: ["GET /repos/{owner}/{repo}/deployments/{deployment_id}"],
    getDeploymentBranchPolicy: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    getDeploymentStatus: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}"
    ],
    getEnvironment: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    getLatestPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/latest"],
    getLatestRelease: ["GET /repos/{owner}/{repo}/releases/latest"],
    getOrgRuleSuite: ["GET /orgs/{org}/rulesets/rule-suites/{rule_suite_id}"],
    getOrgRuleSuites: ["GET /orgs/{org}/rulesets/rule-suites"],
    getOrgRuleset: ["GET /orgs/{org}/rulesets/{ruleset_id}"],
    getOrgRulesets: ["GET /orgs/{org}/rulesets"],
    getPages: ["GET /repos/{owner}/{repo}/pages"],
    getPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/{build_id}"],
    getPagesDeployment: [
      "GET /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}"
    ],
    getPagesHealthCheck: ["GET /repos/{owner}/{repo}/pages/health"],
    getParticipationStats: ["GET /repos/{owner}/{repo}/stats/participation"],
    getPullRequestReviewProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    getPunchCardStats: ["GET /repos/{owner}/{repo}/stats/punch_card"],
    getReadme: ["GET /repos/{owner}/{repo}/readme"],
    getReadmeInDirectory: ["GET /repos/{owner}/{repo}/readme/{dir}"],
    getRelease: ["GET /repos/{owner}/{repo}/releases/{release_id}"],
    getReleaseAsset: ["GET /repos/{owner}/{repo}/releases/assets/{asset_id}"],
    getReleaseByTag: ["GET /repos/{owner}/{repo}/releases/tags/{tag}"],
    getRepoRuleSuite: [
      "GET /repos/{owner}/{repo}/rulesets/rule-suites/{rule_suite_id}"
    ],
    getRepoRuleSuites: ["GET /repos/{owner}/{repo}/rulesets/rule-suites"],
    getRepoRuleset: ["GET /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    getRepoRulesetHistory: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history"
    ],
    getRepoRulesetVersion: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getRepoRulesets: ["GET /repos/{owner}/{repo}/rulesets"],
    getStatusChecksProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    getTeamsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams"
    ],
    getTopPaths: ["GET /repos/{owner}/{repo}/traffic/popular/paths"],
    getTopReferrers: ["GET /repos/{owner}/{repo}/traffic/popular/referrers"],
    getUsersWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users"
    ],
    getViews: ["GET /repos/{owner}/{repo}/traffic/views"],
    getWebhook: ["GET /repos/{owner}/{repo}/hooks/{hook_id}"],
    getWebhookConfigForRepo: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    getWebhookDelivery: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    listActivities: ["GET /repos/{owner}/{repo}/activity"],
    listAttestations: [
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}"
    ],
    listAutolinks: ["GET /repos/{owner}/{repo}/autolinks"],
    listBranches: ["GET /repos/{owner}/{repo}/branches"],
    listBranchesForHeadCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/branches-where-head"
    ],
    listCollaborators: ["GET /repos/{owner}/{repo}/collaborators"],
    listCommentsForCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    listCommitCommentsForRepo: ["GET /repos/{owner}/{repo}/comments"],
    listCommitStatusesForRef: [
      "GET /repos/{owner}/{repo}/commits/{ref}/statuses"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/commits"],
    listContributors: ["GET /repos/{owner}/{repo}/contributors"],
    listCustomDeploymentRuleIntegrations: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps"
    ],
    listDeployKeys: ["GET /repos/{owner}/{repo}/keys"],
    listDeploymentBranchPolicies: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    listDeploymentStatuses: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    listDeployments: ["GET /repos/{owner}/{repo}/deployments"],
    listForAuthenticatedUser: ["GET /user/repos"],
    listForOrg: ["GET /orgs/{org}/repos"],
    listForUser: ["GET /users/{username}/repos"],
    listForks: ["GET /repos/{owner}/{repo}/forks"],
    listInvitations: ["GET /repos/{owner}/{repo}/invitations"],
    listInvitationsForAuthenticatedUser: ["GET /user/repository_invitations"],
    listLanguages: ["GET /repos/{owner}/{repo}/languages"],
    listPagesBuilds: ["GET /repos/{owner}/{repo}/pages/builds"],
    listPublic: ["GET /repositories"],
    listPullRequestsAssociatedWithCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
    ],
    listReleaseAssets: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/assets"
    ],
    listReleases: ["GET /repos/{owner}/{repo}/releases"],
    listTags: ["GET /repos/{owner}/{repo}/tags"],
    listTeams: ["GET /repos/{owner}/{repo}/teams"],
    listWebhookDeliveries: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries"
    ],
    listWebhooks: ["GET /repos/{owner}/{repo}/hooks"],
    merge: ["POST /repos/{owner}/{repo}/merges"],
    mergeUpstream: ["POST /repos/{owner}/{repo}/merge-upstream"],
    pingWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeAppAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    removeCollaborator: [
      "DELETE /repos/{owner}/{repo}/collaborators/{username}"
    ],
    removeStatusCheckContexts: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    removeStatusCheckProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    removeTeamAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    removeUserAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    renameBranch: ["POST /repos/{owner}/{repo}/branches/{branch}/rename"],
    replaceAllTopics: ["PUT /repos/{owner}/{repo}/topics"],
    requestPagesBuild: ["POST /repos/{owner}/{repo}/pages/builds"],
    setAdminBranchProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    setAppAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    setStatusCheckContexts: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    setTeamAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    setUserAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    testPushWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/tests"],
    transfer: ["POST /repos/{owner}/{repo}/transfer"],
    update: ["PATCH /repos/{owner}/{repo}"],
    updateBranchProtection: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    updateCommitComment: ["PATCH /repos/{owner}/{repo}/comments/{comment_id}"],
    updateDeploymentBranchPolicy: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    updateInformationAboutPagesSite: ["PUT /repos/{owner}/{repo}/pages"],
    updateInvitation: [
      "PATCH /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    updateOrgRuleset: ["PUT /orgs/{org}/rulesets/{ruleset_id}"],
    updatePullRequestReviewProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    updateRelease: ["PATCH /repos/{owner}/{repo}/releases/{release_id}"],
    updateReleaseAsset: [
      "PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    updateRepoRuleset: ["PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    updateStatusCheckPotection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks",
      {},
      { renamed: ["repos", "updateStatusCheckProtection"] }
    ],
    updateStatusCheckProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    updateWebhook: ["PATCH /repos/{owner}/{repo}/hooks/{hook_id}"],
    updateWebhookConfigForRepo: [
      "PATCH /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    uploadReleaseAsset: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
      { baseUrl: "https://uploads.github.com" }
    ]
  },
  search: {
    code: ["GET /search/code"],
    commits: ["GET /search/commits"],
    issuesAndPullRequests: ["GET /search/issues"],
    labels: ["GET /search/labels"],
    repos: ["GET /search/repositories"],
    topics: ["GET /search/topics"],
    users: ["GET /search/users"]
  },
  secretScanning: {
    createPushProtectionBypass: [
      "POST /repos/{owner}/{repo}/secret-scanning/push-protection-bypasses"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    getScanHistory: ["GET /repos/{owner}/{repo}/secret-scanning/scan-history"],
    listAlertsForOrg: ["GET /orgs/{org}/secret-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/secret-scanning/alerts"],
    listLocationsForAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations"
    ],
    listOrgPatternConfigs: [
      "GET /orgs/{org}/secret-scanning/pattern-configurations"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    updateOrgPatternConfigs: [
      "PATCH /orgs/{org}/secret-scanning/pattern-configurations"
    ]
  },
  securityAdvisories: {
    createFork: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/forks"
    ],
    createPrivateVulnerabilityReport: [
      "POST /repos/{owner}/{repo}/security-advisories/reports"
    ],
    createRepositoryAdvisory: [
      "POST /repos/{owner}/{repo}/security-advisories"
    ],
    createRepositoryAdvisoryCveRequest: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/cve"
    ],
    getGlobalAdvisory: ["GET /advisories/{ghsa_id}"],
    getRepositoryAdvisory: [
      "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ],
    listGlobalAdvisories: ["GET /advisories"],
    listOrgRepositoryAdvisories: ["GET /orgs/{org}/security-advisories"],
    listRepositoryAdvisories: ["GET /repos/{owner}/{repo}/security-advisories"],
    updateRepositoryAdvisory: [
      "PATCH /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ]
  },
  teams: {
    addOrUpdateMembershipForUserInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    addOrUpdateRepoPermissionsInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    checkPermissionsForRepoInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    create: ["POST /orgs/{org}/teams"],
    createDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    createDiscussionInOrg: ["POST /orgs/{org}/teams/{team_slug}/discussions"],
    deleteDiscussionCommentInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    deleteDiscussionInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    deleteInOrg: ["DELETE /orgs/{org}/teams/{team_slug}"],
    getByName: ["GET /orgs/{org}/teams/{team_slug}"],
    getDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    getDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    getMembershipForUserInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    list: ["GET /orgs/{org}/teams"],
    listChildInOrg: ["GET /orgs/{org}/teams/{team_slug}/teams"],
    listDiscussionCommentsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    listDiscussionsInOrg: ["GET /orgs/{org}/teams/{team_slug}/discussions"],
    listForAuthenticatedUser: ["GET /user/teams"],
    listMembersInOrg: ["GET /orgs/{org}/teams/{team_slug}/members"],
    listPendingInvitationsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/invitations"
    ],
    listReposInOrg: ["GET /orgs/{org}/teams/{team_slug}/repos"],
    removeMembershipForUserInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    removeRepoInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    updateDiscussionCommentInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    updateDiscussionInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    updateInOrg: ["PATCH /orgs/{org}/teams/{team_slug}"]
  },
  users: {
    addEmailForAuthenticated: [
      "POST /user/emails",
      {},
      { renamed: ["users", "addEmailForAuthenticatedUser"] }
    ],
    addEmailForAuthenticatedUser: ["POST /user/emails"],
    addSocialAccountForAuthenticatedUser: ["POST /user/social_accounts"],
    block: ["PUT /user/blocks/{username}"],
    checkBlocked: ["GET /user/blocks/{username}"],
    checkFollowingForUser: ["GET /users/{username}/following/{target_user}"],
    checkPersonIsFollowedByAuthenticated: ["GET /user/following/{username}"],
    createGpgKeyForAuthenticated: [
      "POST /user/gpg_keys",
      {},
      { renamed: ["users", "createGpgKeyForAuthenticatedUser"] }
    ],
    createGpgKeyForAuthenticatedUser: ["POST /user/gpg_keys"],
    createPublicSshKeyForAuthenticated: [
      "POST /user/keys",
      {},
      { renamed: ["users", "createPublicSshKeyForAuthenticatedUser"] }
    ],
    createPublicSshKeyForAuthenticatedUser: ["POST /user/keys"],
    createSshSigningKeyForAuthenticatedUser: ["POST /user/ssh_signing_keys"],
    deleteAttestationsBulk: [
      "POST /users/{username}/attestations/delete-request"
    ],
    deleteAttestationsById: [
      "DELETE /users/{username}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /users/{username}/attestations/digest/{subject_digest}"
    ],
    deleteEmailForAuthenticated: [
      "DELETE /user/emails",
      {},
      { renamed: ["users", "deleteEmailForAuthenticatedUser"] }
    ],
    deleteEmailForAuthenticatedUser: ["DELETE /user/emails"],
    deleteGpgKeyForAuthenticated: [
      "DELETE /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "deleteGpgKeyForAuthenticatedUser"] }
    ],
    deleteGpgKeyForAuthenticatedUser: ["DELETE /user/gpg_keys/{gpg_key_id}"],
    deletePublicSshKeyForAuthenticated: [
      "DELETE /user/keys/{key_id}",
      {},
      { renamed: ["users", "deletePublicSshKeyForAuthenticatedUser"] }
    ],
    deletePublicSshKeyForAuthenticatedUser: ["DELETE /user/keys/{key_id}"],
    deleteSocialAccountForAuthenticatedUser: ["DELETE /user/social_accounts"],
    deleteSshSigningKeyForAuthenticatedUser: [
      "DELETE /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    follow: ["PUT /user/following/{username}"],
    getAuthenticated: ["GET /user"],
    getById: ["GET /user/{account_id}"],
    getByUsername: ["GET /users/{username}"],
    getContextForUser: ["GET /users/{username}/hovercard"],
    getGpgKeyForAuthenticated: [
      "GET /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "getGpgKeyForAuthenticatedUser"] }
    ],
    getGpgKeyForAuthenticatedUser: ["GET /user/gpg_keys/{gpg_key_id}"],
    getPublicSshKeyForAuthenticated: [
      "GET /user/keys/{key_id}",
      {},
      { renamed: ["users", "getPublicSshKeyForAuthenticatedUser"] }
    ],
    getPublicSshKeyForAuthenticatedUser: ["GET /user/keys/{key_id}"],
    getSshSigningKeyForAuthenticatedUser: [
      "GET /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    list: ["GET /users"],
    listAttestations: ["GET /users/{username}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /users/{username}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedByAuthenticated: [
      "GET /user/blocks",
      {},
      { renamed: ["users", "listBlockedByAuthenticatedUser"] }
    ],
    listBlockedByAuthenticatedUser: ["GET /user/blocks"],
    listEmailsForAuthenticated: [
      "GET /user/emails",
      {},
      { renamed: ["users", "listEmailsForAuthenticatedUser"] }
    ],
    listEmailsForAuthenticatedUser: ["GET /user/emails"],
    listFollowedByAuthenticated: [
      "GET /user/following",
      {},
      { renamed: ["users", "listFollowedByAuthenticatedUser"] }
    ],
    listFollowedByAuthenticatedUser: ["GET /user/following"],
    listFollowersForAuthenticatedUser: ["GET /user/followers"],
    listFollowersForUser: ["GET /users/{username}/followers"],
    listFollowingForUser: ["GET /users/{username}/following"],
    listGpgKeysForAuthenticated: [
      "GET /user/gpg_keys",
      {},
      { renamed: ["users", "listGpgKeysForAuthenticatedUser"] }
    ],
    listGpgKeysForAuthenticatedUser: ["GET /user/gpg_keys"],
    listGpgKeysForUser: ["GET /users/{username}/gpg_keys"],
    listPublicEmailsForAuthenticated: [
      "GET /user/public_emails",
      {},
      { renamed: ["users", "listPublicEmailsForAuthenticatedUser"] }
    ],
    listPublicEmailsForAuthenticatedUser: ["GET /user/public_emails"],
    listPublicKeysForUser: ["GET /users/{username}/keys"],
    listPublicSshKeysForAuthenticated: [
      "GET /user/keys",
      {},
      { renamed: ["users", "listPublicSshKeysForAuthenticatedUser"] }
    ],
    listPublicSshKeysForAuthenticatedUser: ["GET /user/keys"],
    listSocialAccountsForAuthenticatedUser: ["GET /user/social_accounts"],
    listSocialAccountsForUser: ["GET /users/{username}/social_accounts"],
    listSshSigningKeysForAuthenticatedUser: ["GET /user/ssh_signing_keys"],
    listSshSigningKeysForUser: ["GET /users/{username}/ssh_signing_keys"],
    setPrimaryEmailVisibilityForAuthenticated: [
      "PATCH /user/email/visibility",
      {},
      { renamed: ["users", "setPrimaryEmailVisibilityForAuthenticatedUser"] }
    ],
    setPrimaryEmailVisibilityForAuthenticatedUser: [
      "PATCH /user/email/visibility"
    ],
    unblock: ["DELETE /user/blocks/{username}"],
    unfollow: ["DELETE /user/following/{username}"],
    updateAuthenticated: ["PATCH /user"]
  }
};
var endpoints_default = Endpoints;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js
var endpointMethodsMap = /* @__PURE__ */ new Map();
for (const [scope, endpoints] of Object.entries(endpoints_default)) {
  for (const [methodName, endpoint2] of Object.entries(endpoints)) {
    const [route, defaults, decorations] = endpoint2;
    const [method, url] = route.split(/ /);
    const endpointDefaults = Object.assign(
      {
        method,
        url
      },
      defaults
    );
    if (!endpointMethodsMap.has(scope)) {
      endpointMethodsMap.set(scope, /* @__PURE__ */ new Map());
    }
    endpointMethodsMap.get(scope).set(methodName, {
      scope,
      methodName,
      endpointDefaults,
      decorations
    });
  }
}
var handler = {
  has({ scope }, methodName) {
    return endpointMethodsMap.get(scope).has(methodName);
  },
  getOwnPropertyDescriptor(target, methodName) {
    return {
      value: this.get(target, methodName),
      // ensures method is in the cache
      configurable: true,
      writable: true,
      enumerable: true
    };
  },
  defineProperty(target, methodName, descriptor) {
    Object.defineProperty(target.cache, methodName, descriptor);
    return true;
  },
  deleteProperty(target, methodName) {
    delete target.cache[methodName];
    return true;
  },
  ownKeys({ scope }) {
    return [...endpointMethodsMap.get(scope).keys()];
  },
  set(target, methodName, value) {
    return target.cache[methodName] = value;
  },
  get({ octokit, scope, cache }, methodName) {
    if (cache[methodName]) {
      return cache[methodName];
    }
    const method = endpointMethodsMap.get(scope).get(methodName);
    if (!method) {
      return void 0;
    }
    const { endpointDefaults, decorations } = method;
    if (decorations) {
      cache[methodName] = decorate(
        octokit,
        scope,
        methodName,
        endpointDefaults,
        decorations
      );
    } else {
      cache[methodName] = octokit.request.defaults(endpointDefaults);
    }
    return cache[methodName];
  }
};
function endpointsToMethods(octokit) {
  const newMethods = {};
  for (const scope of endpointMethodsMap.keys()) {
    newMethods[scope] = new Proxy({ octokit, scope, cache: {} }, handler);
  }
  return newMethods;
}
function decorate(octokit, scope, methodName, defaults, decorations) {
  const requestWithDefaults = octokit.request.defaults(defaults);
  function withDecorations(...args) {
    let options = requestWithDefaults.endpoint.merge(...args);
    if (decorations.mapToData) {
      options = Object.assign({}, options, {
        data: options[decorations.mapToData],
        [decorations.mapToData]: void 0
      });
      return requestWithDefaults(options);
    }
    if (decorations.renamed) {
      const [newScope, newMethodName] = decorations.renamed;
      octokit.log.warn(
        `octokit.${scope}.${methodName}() has been renamed to octokit.${newScope}.${newMethodName}()`
      );
    }
    if (decorations.deprecated) {
      octokit.log.warn(decorations.deprecated);
    }
    if (decorations.renamedParameters) {
      const options2 = requestWithDefaults.endpoint.merge(...args);
      for (const [name, alias] of Object.entries(
        decorations.renamedParameters
      )) {
        if (name in options2) {
          octokit.log.warn(
            `"${name}" parameter is deprecated for "octokit.${scope}.${methodName}()". Use "${alias}" instead`
          );
          if (!(alias in options2)) {
            options2[alias] = options2[name];
          }
          delete options2[name];
        }
      }
      return requestWithDefaults(options2);
    }
    return requestWithDefaults(...args);
  }
  return Object.assign(withDecorations, requestWithDefaults);
}

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js
function restEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    rest: api
  };
}
restEndpointMethods.VERSION = VERSION7;
function legacyRestEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    ...api,
    rest: api
  };
}
legacyRestEndpointMethods.VERSION = VERSION7;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION8 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION8}`
  }
);

// generator/runtime/io.ts
import { appendFileSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
var processIo = () => ({
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t)
});
function setOutput(io, name, value) {
  const file = io.env.GITHUB_OUTPUT;
  let line;
  if (value.includes("\n")) {
    const delim = `opsta_${randomBytes(8).toString("hex")}`;
    line = `${name}<<${delim}
${value}
${delim}
`;
  } else line = `${name}=${value}
`;
  if (file) appendFileSync(file, line);
  else io.stdout(`::output ${line}`);
}
function appendSummary(io, markdown) {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}
`);
}
function readText(path, what) {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = e.code ?? "error";
    throw new UsageError(`cannot read ${what} ${path} (${code}); check the path`);
  }
}
function readJson(path, what) {
  const text = readText(path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} ${path} is not valid JSON (${e.message})`);
  }
}
function requireEnv(io, name, why) {
  const v = io.env[name];
  if (!v) throw new UsageError(`${name} is not set; ${why}`);
  return v;
}
function repository(io) {
  const full = requireEnv(io, "GITHUB_REPOSITORY", "it names the repository (owner/name)");
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full);
  if (!m) throw new UsageError(`GITHUB_REPOSITORY must be owner/name, got ${JSON.stringify(full)}`);
  return { owner: m[1], repo: m[2] };
}
function runUrl(io) {
  const { GITHUB_SERVER_URL: server = "https://github.com", GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run2 } = io.env;
  return repo && run2 ? `${server}/${repo}/actions/runs/${run2}` : void 0;
}
function eventPayload(io) {
  const p = io.env.GITHUB_EVENT_PATH;
  if (!p) return void 0;
  const j = readJson(p, "the event payload (GITHUB_EVENT_PATH)");
  return typeof j === "object" && j !== null ? j : void 0;
}

// generator/runtime/version.ts
var RUNTIME_VERSION = "0.1.0";

// generator/runtime/github.ts
var realSleep = (ms) => new Promise((r) => setTimeout(r, ms));
function failureKind(e) {
  const err = e;
  const status = err?.status;
  if (status === 500 && !err.response) return "no-answer";
  const headers = err?.response?.headers ?? {};
  if ((status === 403 || status === 429) && (headers["retry-after"] !== void 0 || headers["x-ratelimit-remaining"] === "0" || /secondary rate limit/i.test(err.message ?? ""))) return "rate-limit";
  if (status !== void 0 && status >= 500) return "server";
  return void 0;
}
function retryDelay(e, attempt, baseMs, method = "GET") {
  const kind = failureKind(e);
  if (kind === void 0 || method.toUpperCase() === "POST" && kind !== "rate-limit") return void 0;
  const retryAfter = Number(e.response?.headers?.["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1e3, 6e4);
  return baseMs * 2 ** attempt;
}
var GitHubApiError = class extends UsageError {
  constructor(message, status, retryable) {
    super(message);
    this.status = status;
    this.retryable = retryable;
  }
};
var policies = /* @__PURE__ */ new WeakMap();
async function again(gh, op) {
  const p = policies.get(gh) ?? { attempts: 3, baseMs: 1e3, sleep: realSleep };
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof GitHubApiError && e.retryable) || attempt + 1 >= p.attempts) throw e;
      await p.sleep(p.baseMs * 2 ** attempt);
    }
  }
}
function githubClient(io, policy = {}) {
  const token = requireEnv(io, "GITHUB_TOKEN", "pass the job token (env: GITHUB_TOKEN: ${{ github.token }}) to this step");
  const p = { attempts: 3, baseMs: Number(io.env.OPSTA_RETRY_BASE_MS ?? 1e3), sleep: realSleep, ...policy };
  const quiet = () => {
  };
  const octokit = new Octokit2({ auth: token, baseUrl: (io.env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""), userAgent: `opsta-runtime/${RUNTIME_VERSION}`, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
  octokit.hook.wrap("request", async (request4, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request4(options);
      } catch (e) {
        const delay = attempt + 1 < p.attempts ? retryDelay(e, attempt, p.baseMs, options.method) : void 0;
        if (delay === void 0) throw describeHttpError(e, `${options.method} ${endpointPath(octokit.request.endpoint.parse(options).url)}`, options.method === "POST");
        await p.sleep(delay);
      }
    }
  });
  policies.set(octokit, p);
  return octokit;
}
function endpointPath(url) {
  try {
    return new URL(url, "http://x").pathname;
  } catch {
    return url.split("?")[0] ?? url;
  }
}
var HINTS = {
  401: "the token is missing or expired",
  403: "the job lacks a permission (check its permissions: block) or a rate limit was hit",
  404: "not found, or the token cannot see it (check the repository and the job permissions)",
  422: "GitHub refused the request as invalid"
};
function describeHttpError(e, endpoint2, post) {
  const err = e;
  if (err?.status === void 0) return e instanceof Error ? e : new Error(String(e));
  const msg = (err.message ?? "").split("\n")[0].slice(0, 200);
  const kind = failureKind(e);
  if (kind === "no-answer") return new GitHubApiError(`GitHub API ${endpoint2} failed: no answer (${msg}); check GITHUB_API_URL and the network, then re-run the job (a re-run does not duplicate what it already published)`, void 0, post);
  return new GitHubApiError(`GitHub API ${endpoint2} failed: ${err.status} ${msg}${HINTS[err.status] ? `; ${HINTS[err.status]}` : ""}`, err.status, post && kind === "server");
}

// generator/src/encode.ts
function markdownPlain(value) {
  return value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, " ").replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
}
function markdownText(value) {
  return markdownPlain(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`).replace(/@/g, "@‍").replace(/#(?=\d)/g, "#‍");
}
function markdownLine(value) {
  return markdownText(value).replace(
    /^(\s*)(?:([#+=-])|(\d+)([.)]))/,
    (_m, sp, mark, digits, punct) => mark ? `${sp}\\${mark}` : `${sp}${digits}\\${punct}`
  );
}

// generator/runtime/markdown.ts
var mdText = markdownLine;
function mdCode(s) {
  const clean3 = markdownPlain(s);
  const longest = Math.max(0, ...(clean3.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = clean3.startsWith("`") || clean3.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean3}${pad}${fence}`;
}
function mdFence(body, lang = "") {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}
${body.replace(/\u0000/g, "")}${body.endsWith("\n") ? "" : "\n"}${fence}`;
}
function marker(name) {
  if (!/^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/.test(name)) throw new Error(`marker name ${JSON.stringify(name)} must be letters, digits and : . _ -`);
  return `<!-- opsta:${name} -->`;
}

// generator/runtime/publish.ts
function isOurs(body, user, markerLine) {
  return typeof body === "string" && body.startsWith(markerLine) && user?.type === "Bot";
}
async function upsertComment(gh, r, issueNumber, markerName, body) {
  const m = marker(markerName);
  if (!body.startsWith(m)) throw new Error("the comment body must start with its marker");
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...r, issue_number: issueNumber, per_page: 100 });
  const mine = comments.find((c) => isOurs(c.body, c.user, m));
  if (mine) {
    if (mine.body !== body) await gh.rest.issues.updateComment({ ...r, comment_id: mine.id, body });
    return { id: mine.id, created: false };
  }
  const { data } = await gh.rest.issues.createComment({ ...r, issue_number: issueNumber, body });
  return { id: data.id, created: true };
}
async function startDeployment(gh, r, d) {
  const existing = await gh.paginate(gh.rest.repos.listDeployments, { ...r, sha: d.ref, environment: d.environment, per_page: 100 });
  const again2 = existing.find((x) => x.payload !== null && typeof x.payload === "object" && x.payload.opstaRunId === d.runId);
  if (again2) return { id: again2.id, created: false };
  const res = await gh.rest.repos.createDeployment({
    ...r,
    ref: d.ref,
    environment: d.environment,
    auto_merge: false,
    required_contexts: [],
    transient_environment: false,
    payload: { opstaRunId: d.runId },
    description: (d.description ?? `Opsta apply, run ${d.runId}`).slice(0, 140)
  });
  if (res.status !== 201 || !("id" in res.data)) throw new Error(`GitHub did not create the deployment: ${res.data.message ?? res.status}`);
  return { id: res.data.id, created: true };
}
async function deploymentStatus(gh, r, id, state, description, logUrl) {
  const text = description.slice(0, 140);
  const { data: latest } = await gh.rest.repos.listDeploymentStatuses({ ...r, deployment_id: id, per_page: 1 });
  if (latest[0] && latest[0].state === state && latest[0].description === text && (latest[0].log_url ?? "") === (logUrl ?? "")) return { created: false };
  await gh.rest.repos.createDeploymentStatus({ ...r, deployment_id: id, state, description: text, ...logUrl ? { log_url: logUrl } : {} });
  return { created: true };
}
var DRIFT_LABEL = "opsta-drift";
async function syncDriftIssue(gh, r, stage, report) {
  const m = marker(`drift:${stage}`);
  const issues = await gh.paginate(gh.rest.issues.listForRepo, { ...r, labels: DRIFT_LABEL, state: "all", per_page: 100 });
  const mine = issues.filter((i) => !i.pull_request && isOurs(i.body, i.user, m)).sort((a, b) => a.state === b.state ? b.number - a.number : a.state === "open" ? -1 : 1)[0];
  if (!report) {
    if (!mine || mine.state === "closed") return { action: "none", ...mine ? { number: mine.number } : {} };
    const gone = `The drift of stage \`${stage}\` is gone: the latest plan matches the infrastructure.`;
    const said = await gh.paginate(gh.rest.issues.listComments, { ...r, issue_number: mine.number, per_page: 100 });
    const last = said.at(-1);
    if (!(last && last.body === gone && last.user?.type === "Bot")) await gh.rest.issues.createComment({ ...r, issue_number: mine.number, body: gone });
    await gh.rest.issues.update({ ...r, issue_number: mine.number, state: "closed", state_reason: "completed" });
    return { action: "closed", number: mine.number };
  }
  const body = [m, `Terraform found drift in stage \`${stage}\`: the infrastructure no longer matches the configuration on the default branch.`, "", report.details, "", report.runUrl ? `Last checked by [this run](${report.runUrl}).` : "", "Fix it by applying the configuration again (or by changing the configuration to match); this issue closes itself when the drift is gone.", ""].join("\n");
  if (!mine) {
    const { data } = await gh.rest.issues.create({ ...r, title: `Drift: ${stage}`, body, labels: [DRIFT_LABEL] });
    return { action: "created", number: data.number };
  }
  if (mine.state === "closed") {
    await gh.rest.issues.update({ ...r, issue_number: mine.number, state: "open", body });
    return { action: "reopened", number: mine.number };
  }
  if (mine.body !== body) await gh.rest.issues.update({ ...r, issue_number: mine.number, body });
  return { action: mine.body !== body ? "updated" : "none", number: mine.number };
}

// generator/runtime/apply-outcome.ts
function stageStepIds(stageId) {
  const sid = stageId.replace(/-/g, "_");
  return { plan: `plan_${sid}`, compare: `compare_${sid}`, apply: `apply_${sid}`, helmfile: `helmfile_${sid}` };
}
var OTHER_STEPS = {
  deployment: "starting the deployment",
  reviewed: "finding the reviewed plans",
  kubeconfig: "writing the kubeconfig",
  health: "the health checks",
  finish: "finishing the deployment"
};
var failed = (s) => s?.outcome === "failure";
var interrupted = (s) => s?.outcome === "cancelled";
var succeeded = (s) => s?.outcome === "success";
function decideOutcome(stages, steps, opts = {}) {
  const jobStatus = opts.jobStatus ?? "failure";
  const merge2 = (opts.event ?? "push") === "push";
  const applied = [];
  const before = () => applied.length ? ` Applied earlier in this run: ${applied.join(", ")}.` : " Nothing was applied before it in this run.";
  for (const s of stages) {
    const ids = stageStepIds(s.id);
    if (s.tool === "terraform") {
      const plan = steps[ids.plan];
      const compare = steps[ids.compare];
      const apply = steps[ids.apply];
      if (failed(apply)) {
        const undo = "Terraform has no undo: the revert re-applies the previous configuration once merged, it restores no deleted data.";
        return {
          kind: "terraform-apply",
          stage: s.id,
          ...merge2 ? { revertStage: s.id } : {},
          applied,
          status: "failure",
          description: `${s.id}: terraform apply failed; ${merge2 ? "a revert pull request follows" : "a manual run: nothing to revert"}`,
          message: merge2 ? `${s.id}: terraform apply failed, so the run stopped and a pull request reverting the merge is opened. ${undo}${before()}` : `${s.id}: terraform apply failed, so the run stopped. A manual run has no merge to revert: fix forward with a pull request.${before()}`
        };
      }
      if (failed(compare)) {
        return {
          kind: "compare-plan",
          stage: s.id,
          applied,
          status: "stopped",
          description: `${s.id}: stopped before applying: the plan is not the reviewed one (nothing applied)`,
          message: `${s.id}: stopped before terraform apply: its fresh plan is not the plan reviewed on the merged pull request (the differences are in that step's log). Nothing of ${s.id} was applied, so no revert pull request is opened; open a pull request so the change is planned and reviewed.${before()}`
        };
      }
      if (failed(plan)) {
        return {
          kind: "terraform-plan",
          stage: s.id,
          applied,
          status: "stopped",
          description: `${s.id}: init or plan failed (nothing applied)`,
          message: `${s.id}: terraform init or plan failed, before anything of ${s.id} was applied; no revert pull request is opened.${before()}`
        };
      }
      if (interrupted(plan) || interrupted(compare) || interrupted(apply)) {
        const during = interrupted(apply) ? "during terraform apply (its state may be partly applied and its lock still held)" : "before terraform apply";
        return { kind: "cancelled", stage: s.id, applied, status: "cancelled", description: `${s.id}: cancelled ${interrupted(apply) ? "during" : "before"} terraform apply`, message: `The run was cancelled in ${s.id} ${during}. No revert pull request is opened for a cancelled run.${before()}` };
      }
      if (succeeded(apply)) applied.push(s.id);
    } else {
      const h = steps[ids.helmfile];
      if (failed(h) || interrupted(h)) {
        const rollback = rollbackSummary(steps.rollback);
        return {
          kind: failed(h) ? "helmfile" : "cancelled",
          stage: s.id,
          applied,
          status: failed(h) ? "failure" : "cancelled",
          description: `${s.id}: helmfile apply ${failed(h) ? "failed" : "was cancelled"}; ${rollback ? "see the Helm rollback" : "no release rolled back"}`,
          message: `${s.id}: helmfile apply ${failed(h) ? "failed" : "was cancelled"}. Helm releases are rolled back to their last good revision, not the merge: ${rollback || "the rollback step did not report (see its log)"}.${before()}`
        };
      }
      if (succeeded(h)) applied.push(s.id);
    }
  }
  for (const [id, what] of Object.entries(OTHER_STEPS)) {
    if (!failed(steps[id]) && !interrupted(steps[id])) continue;
    if (id === "health" && failed(steps[id])) {
      return {
        kind: "health",
        applied,
        status: "unhealthy",
        description: "every stage applied; health checks failed: deployed but unhealthy",
        message: `Every stage applied${applied.length ? ` (${applied.join(", ")} changed)` : ""}, then the health checks failed: the platform is deployed but unhealthy (see the health report). Nothing is reverted or rolled back.`
      };
    }
    return { kind: interrupted(steps[id]) ? "cancelled" : "other", applied, status: interrupted(steps[id]) ? "cancelled" : "failure", description: `${what} ${interrupted(steps[id]) ? "was cancelled" : "failed"}; no stage failed`, message: `${what[0].toUpperCase()}${what.slice(1)} ${interrupted(steps[id]) ? "was cancelled" : "failed"}: no stage failed, so nothing is reverted or rolled back.${before()}` };
  }
  const cancelled = jobStatus === "cancelled";
  return {
    kind: cancelled ? "cancelled" : "other",
    applied,
    status: cancelled ? "cancelled" : "failure",
    description: `${cancelled ? "cancelled" : "a step failed"} outside the stages; nothing reverted`,
    message: `${cancelled ? "The run was cancelled" : "A step outside the stages failed (a setup step, a cloud login: see the run)"}; no stage failed, so nothing is reverted or rolled back.${before()}`
  };
}
function rollbackSummary(step) {
  const text = step?.outputs?.releases;
  if (!text) return "";
  let list;
  try {
    list = JSON.parse(text);
  } catch {
    return "";
  }
  if (!Array.isArray(list)) return "";
  if (list.length === 0) return "no release was left changed";
  return list.map((r) => `${r.namespace}/${r.name} ${r.outcome}${r.to ? ` to revision ${r.to}` : ""}`).join(", ");
}
function outcomeEvent(o, steps) {
  let rollback;
  try {
    rollback = steps.rollback?.outputs?.releases ? JSON.parse(steps.rollback.outputs.releases) : void 0;
  } catch {
    rollback = void 0;
  }
  return { status: o.status, outcome: o.kind, ...o.stage ? { failedStage: o.stage } : {}, applied: o.applied, ...Array.isArray(rollback) ? { rollback } : {}, message: o.message };
}
function parseSteps(text) {
  let j;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`apply-outcome: --steps is not JSON (${e.message}); pass \${{ toJSON(steps) }} through env:`);
  }
  if (typeof j !== "object" || j === null || Array.isArray(j)) throw new UsageError("apply-outcome: --steps must be the steps context, a JSON object of step id → { outcome, conclusion, outputs }");
  return j;
}
async function applyOutcomeCommand(argv, io) {
  const f = parseFlags(argv, ["steps", "job-status", "pipeline", "deployment-id"], "apply-outcome");
  const steps = parseSteps(required(f, "steps", "apply-outcome"));
  const pipeline = parsePipeline(readJson(f.pipeline ?? ".opsta/pipeline.json", "the pipeline file"));
  const o = decideOutcome(pipeline.stages, steps, { jobStatus: f["job-status"] ?? "failure", event: io.env.GITHUB_EVENT_NAME ?? "push" });
  setOutput(io, "kind", o.kind);
  setOutput(io, "stage", o.stage ?? "");
  setOutput(io, "revert_stage", o.revertStage ?? "");
  setOutput(io, "event", JSON.stringify(outcomeEvent(o, steps)));
  io.stdout(`${o.message}
`);
  appendSummary(io, `### Outcome

${mdText(o.message)}
`);
  if (f["deployment-id"]) {
    const id = Number(f["deployment-id"]);
    if (!Number.isSafeInteger(id) || id <= 0) throw new UsageError(`apply-outcome: --deployment-id must be a number, got ${JSON.stringify(f["deployment-id"])}`);
    const gh = githubClient(io);
    const r = repository(io);
    if (o.stage) await deploymentStatus(gh, r, id, "in_progress", `${o.stage}: ${o.status === "cancelled" ? "cancelled" : "failed"}`, runUrl(io));
    await deploymentStatus(gh, r, id, "failure", o.description, runUrl(io));
  }
  return 0;
}

// generator/runtime/budget.ts
var WARN_AT = 0.8;
var DEFAULT_ACK_LABEL = "opsta:budget-acknowledged";
function parseCost(json2, where) {
  const total = json2?.totalUsd;
  if (typeof total !== "number" || !Number.isFinite(total) || total < 0) throw new UsageError(`${where}: "totalUsd" must be a non-negative number (the output of opsta cost --json, or .opsta/cost.json)`);
  const b = json2.budget;
  if (b !== void 0 && (typeof b?.monthlyUsd !== "number" || !(b.monthlyUsd > 0))) throw new UsageError(`${where}: "budget.monthlyUsd" must be a positive number`);
  return { totalUsd: total, ...b ? { budget: { monthlyUsd: b.monthlyUsd } } : {} };
}
var usd = (n) => `$${n.toFixed(2)}`;
function checkBudget(cost, opts = {}) {
  const ack = opts.ackLabel ?? DEFAULT_ACK_LABEL;
  const base = opts.base ? { baseUsd: opts.base.totalUsd } : {};
  const delta = opts.base ? ` (${cost.totalUsd >= opts.base.totalUsd ? "+" : "-"}${usd(Math.abs(cost.totalUsd - opts.base.totalUsd))} against the base branch)` : "";
  if (!cost.budget) return { type: "cost", status: "no-budget", totalUsd: cost.totalUsd, ...base, message: `Estimated ${usd(cost.totalUsd)} a month${delta}; no budget set (budget.monthlyUsd in the plan).` };
  const limit = cost.budget.monthlyUsd;
  const common = { type: "cost", totalUsd: cost.totalUsd, budgetUsd: limit, ...base };
  const pct = Math.round(cost.totalUsd / limit * 100);
  if (cost.totalUsd > limit) {
    if (opts.labels?.includes(ack)) return { ...common, status: "acknowledged", message: `Estimated ${usd(cost.totalUsd)} a month is over the budget of ${usd(limit)} (${pct} %)${delta}; acknowledged with the label "${ack}".` };
    return { ...common, status: "over", message: `Estimated ${usd(cost.totalUsd)} a month is over the budget of ${usd(limit)} by ${usd(cost.totalUsd - limit)} (${pct} %)${delta}. Lower the plan's cost, raise budget.monthlyUsd, or have a maintainer add the label "${ack}".` };
  }
  if (cost.totalUsd >= WARN_AT * limit) return { ...common, status: "warn", message: `Estimated ${usd(cost.totalUsd)} a month is ${pct} % of the budget of ${usd(limit)}${delta}.` };
  return { ...common, status: "ok", message: `Estimated ${usd(cost.totalUsd)} a month, ${pct} % of the budget of ${usd(limit)}${delta}.` };
}

// generator/runtime/plan-summary.ts
function changeKind(actions) {
  const a = actions.join(",");
  switch (a) {
    case "create":
      return "create";
    case "update":
      return "update";
    case "delete":
      return "delete";
    case "delete,create":
    case "create,delete":
      return "replace";
    case "read":
      return "read";
    case "forget":
      return "forget";
    case "no-op":
    case "":
      return "no-op";
    default:
      throw new UsageError(`unknown Terraform action list [${actions.join(", ")}] in the plan JSON; is this terraform show -json output?`);
  }
}
function resourceChanges(plan, what = "the plan JSON") {
  if (typeof plan !== "object" || plan === null || !("format_version" in plan)) {
    throw new UsageError(`${what} has no "format_version": it is not \`terraform show -json <planfile>\` output`);
  }
  const rc = plan.resource_changes;
  if (rc === void 0) return [];
  if (!Array.isArray(rc)) throw new UsageError(`${what}: "resource_changes" must be a list`);
  const out = [];
  rc.forEach((r, i) => {
    if (typeof r?.address !== "string") throw new UsageError(`${what}: resource_changes[${i}].address is missing`);
    if (r.mode === "data") return;
    const actions = r.change?.actions;
    if (!Array.isArray(actions) || !actions.every((x) => typeof x === "string")) throw new UsageError(`${what}: resource_changes[${i}].change.actions must be a list of strings`);
    out.push({ address: r.address, actions, raw: r });
  });
  return out.sort((a, b) => a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
}
function summarizePlan(stage, plan) {
  const s = { type: "plan", stage, add: 0, change: 0, destroy: 0, imports: 0, moves: 0, forget: 0, destructive: [], changes: [], outputs: [], errored: false };
  for (const { address, actions, raw } of resourceChanges(plan)) {
    const kind = changeKind(actions);
    if (kind === "read") continue;
    const line = { address, kind };
    if (typeof raw.action_reason === "string") line.reason = raw.action_reason;
    if (typeof raw.previous_address === "string" && raw.previous_address !== address) {
      line.movedFrom = raw.previous_address;
      s.moves++;
    }
    if (raw.change?.importing) {
      line.importing = true;
      s.imports++;
    }
    if (kind === "create") s.add++;
    if (kind === "update") s.change++;
    if (kind === "delete") s.destroy++;
    if (kind === "replace") s.add++, s.destroy++;
    if (kind === "forget") s.forget++;
    if (kind === "delete" || kind === "replace") s.destructive.push(line);
    else if (kind !== "no-op" || line.movedFrom || line.importing) s.changes.push(line);
  }
  const oc = plan.output_changes ?? {};
  s.outputs = Object.keys(oc).filter((k) => !(oc[k]?.actions ?? []).every((a) => a === "no-op")).sort();
  s.errored = plan.errored === true;
  return s;
}
var hasChanges = (s) => s.destructive.length + s.changes.length + s.outputs.length > 0;
function countsLine(s) {
  if (!hasChanges(s)) return "no changes";
  const parts = [`${s.add} to add`, `${s.change} to change`, `${s.destroy} to destroy`];
  if (s.imports) parts.unshift(`${s.imports} to import`);
  if (s.moves) parts.push(`${s.moves} moved`);
  if (s.forget) parts.push(`${s.forget} to forget`);
  if (s.outputs.length) parts.push(`${s.outputs.length} output${s.outputs.length === 1 ? "" : "s"} changed`);
  return parts.join(", ");
}

// generator/runtime/sections.ts
var FULL = { items: Infinity, chars: Infinity, destructive: Infinity };
function clip(s, max = 200) {
  return s.length <= max ? s : `${s.slice(0, max / 2 - 1)}…${s.slice(s.length - max / 2)}`;
}
var usd2 = (n) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
function resourceLine(r) {
  const notes = [r.reason?.replace(/_/g, " "), r.movedFrom ? `moved from ${mdCode(clip(r.movedFrom))}` : void 0, r.importing ? "imported" : void 0].filter(Boolean);
  return `- **${r.kind}** ${mdCode(clip(r.address))}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}
function more(n) {
  return `- _… ${n} more, listed in the job summary._`;
}
function destructiveCount(s) {
  return s.type === "plan" ? s.destructive.length : 0;
}
function renderSection(s, caps = FULL) {
  if (s.type === "cost") {
    const icon = { ok: "✅", warn: "⚠️", over: "❌", acknowledged: "☑️", "no-budget": "ℹ️" }[s.status];
    const lines = [`### Monthly cost`, "", `${icon} ${mdText(s.message)}`, ""];
    const rows = [`| Estimate | ${usd2(s.totalUsd)} |`];
    if (s.baseUsd !== void 0) rows.push(`| Base branch | ${usd2(s.baseUsd)} |`, `| Change | ${s.totalUsd - s.baseUsd >= 0 ? "+" : "−"}${usd2(Math.abs(s.totalUsd - s.baseUsd))} |`);
    if (s.budgetUsd !== void 0) rows.push(`| Budget | ${usd2(s.budgetUsd)} (${Math.round(s.totalUsd / s.budgetUsd * 100)} %) |`);
    return [...lines, "| | Monthly |", "|---|---:|", ...rows, ""].join("\n");
  }
  if (s.type === "text") {
    const body = s.body.length > caps.chars ? `${s.body.slice(0, Math.max(0, s.body.lastIndexOf("\n", caps.chars)))}
… truncated: ${s.body.length - caps.chars} more characters in the job summary
` : s.body;
    return [`### ${mdCode(s.stage)}: ${mdText(s.title)}`, "", s.body.trim() === "" ? "_No changes._" : `<details><summary>Show</summary>

${mdFence(body, s.lang ?? "")}

</details>`, ""].join("\n");
  }
  const out = [`### ${mdCode(s.stage)}: ${countsLine(s)}`, ""];
  if (s.errored) out.push("> [!WARNING]", "> The plan errored: the changes below are what Terraform planned before the error, not the whole change.", "");
  if (s.destructive.length) {
    const replaced = s.destructive.filter((r) => r.kind === "replace").length;
    out.push("> [!CAUTION]", `> **${s.destructive.length} resource${s.destructive.length === 1 ? "" : "s"} will be destroyed** (${replaced} of them replaced): deleted data does not come back, check each one.`);
    const shown = s.destructive.slice(0, caps.destructive);
    for (const r of shown) out.push(`> ${resourceLine(r)}`);
    if (shown.length < s.destructive.length) out.push(`> ${more(s.destructive.length - shown.length)}`);
    out.push("");
  }
  if (!hasChanges(s)) return [...out, "_No changes: the infrastructure matches the configuration._", ""].join("\n");
  if (s.changes.length || s.outputs.length) {
    out.push(`<details><summary>Other changes (${s.changes.length + s.outputs.length})</summary>`, "");
    const shown = s.changes.slice(0, caps.items);
    for (const r of shown) out.push(resourceLine(r));
    if (shown.length < s.changes.length) out.push(more(s.changes.length - shown.length));
    const outs = s.outputs.slice(0, Math.max(0, caps.items - shown.length));
    for (const o of outs) out.push(`- **output** ${mdCode(clip(o))}`);
    if (outs.length < s.outputs.length) out.push(more(s.outputs.length - outs.length));
    out.push("", "</details>", "");
  }
  return out.join("\n");
}
function sortSections(sections) {
  const key = (s) => s.type === "cost" ? "~" : `${s.stage}\0${s.type}`;
  return [...sections].sort((a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

// generator/runtime/comment.ts
var COMMENT_LIMIT = 65536;
function render(input, caps, truncated) {
  const sections = sortSections(input.sections);
  const head = [marker(input.markerName), `## ${input.title ?? "Opsta plan"}`, ""];
  if (input.sha) head.push(`For ${mdCode(input.sha.slice(0, 12))}.`, "");
  const destroying = sections.filter((s) => destructiveCount(s) > 0);
  if (destroying.length) {
    head.push(`> [!CAUTION]`, `> **Destructive changes** in ${destroying.map((s) => `${mdCode(s.type === "cost" ? "cost" : s.stage)} (${destructiveCount(s)})`).join(", ")}: read them before approving.`, "");
  }
  if (sections.length === 0) head.push("_No stage changed in this pull request._", "");
  const body = sections.map((s) => renderSection(s, caps)).join("\n");
  const foot = truncated ? `
---
_This comment is shortened to fit GitHub's limit; the full plans are in the job summary${input.runUrl ? ` of [the run](${input.runUrl})` : ""}._
` : input.runUrl ? `
---
_Full output: [the run](${input.runUrl})._
` : "";
  return `${head.join("\n")}${body}${foot}`;
}
var LADDER = [
  FULL,
  ...[500, 200, 100, 50, 20, 10, 5, 0].map((items) => ({ items, chars: Infinity, destructive: Infinity })),
  ...[2e4, 8e3, 3e3, 1e3, 0].map((chars) => ({ items: 0, chars, destructive: Infinity })),
  ...[200, 100, 50, 20, 10, 5, 0].map((destructive) => ({ items: 0, chars: 0, destructive }))
];
function renderComment(input, limit = COMMENT_LIMIT) {
  for (const [i, caps] of LADDER.entries()) {
    const body2 = render(input, caps, i > 0);
    if (body2.length < limit) return { body: body2, truncated: i > 0 };
  }
  const body = render(input, LADDER[LADDER.length - 1], true);
  const cut = body.lastIndexOf("\n", limit - 200);
  return { body: `${body.slice(0, cut)}

_… cut to fit GitHub's limit; see the job summary._
`, truncated: true };
}
function renderFull(input) {
  return render(input, FULL, false);
}

// generator/runtime/compare-plan.ts
function actionsOf(plan, what) {
  const m = /* @__PURE__ */ new Map();
  for (const { address, actions } of resourceChanges(plan, what)) {
    const kind = changeKind(actions);
    if (kind === "read" || kind === "no-op") continue;
    m.set(address, kind);
  }
  return m;
}
function comparePlans(reviewed, fresh) {
  const a = actionsOf(reviewed, "the reviewed plan");
  const b = actionsOf(fresh, "the fresh plan");
  const diffs = [];
  for (const address of [.../* @__PURE__ */ new Set([...a.keys(), ...b.keys()])].sort()) {
    const r = a.get(address);
    const f = b.get(address);
    if (r !== f) diffs.push({ address, ...r ? { reviewed: r } : {}, ...f ? { fresh: f } : {} });
  }
  return diffs;
}
function describeDifferences(stage, diffs) {
  const where = stage ? `stage ${stage}` : "the stage";
  if (diffs.length === 0) return `${where}: the fresh plan matches the reviewed plan`;
  const lines = diffs.map(
    (d) => d.reviewed === void 0 ? `  + ${d.address}: ${d.fresh} (not in the reviewed plan)` : d.fresh === void 0 ? `  - ${d.address}: ${d.reviewed} (reviewed, no longer planned)` : `  ~ ${d.address}: reviewed ${d.reviewed}, now ${d.fresh}`
  );
  return [
    `${where}: the fresh plan differs from the plan reviewed on the pull request in ${diffs.length} resource${diffs.length === 1 ? "" : "s"}; not applying.`,
    ...lines,
    "Something changed since the review (another merge, drift, or a provider default). Re-run the plan on a new pull request and review it."
  ].join("\n");
}

// generator/runtime/exec.ts
import { spawnSync } from "node:child_process";
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, input: opts.input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) {
    const code = r.error.code;
    if (code === "ENOENT") throw new UsageError(`${cmd} is not installed or not on PATH; the workflow must set it up before this step`);
    throw new UsageError(`could not run ${cmd}: ${r.error.message}`);
  }
  return { code: r.status ?? 128, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}
function runOk(cmd, args, opts = {}) {
  const r = run(cmd, args, opts);
  if (r.code !== 0) {
    const last = r.stderr.trim().split("\n").slice(-3).join(" | ");
    throw new UsageError(`${cmd} ${args[0] ?? ""} failed (exit ${r.code}): ${last || "no output"}`);
  }
  return r.stdout;
}

// generator/runtime/health/config.ts
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function parseHealthConfig(json2, where = ".opsta/pipeline.json") {
  const bad = (path, what) => {
    throw new UsageError(`${where}: ${path} ${what}; regenerate the repository with opsta generate`);
  };
  if (!isObj(json2)) return bad("(root)", "must be an object");
  const str = (o, k, path) => typeof o[k] === "string" && o[k] !== "" ? o[k] : bad(`${path}.${k}`, "must be a non-empty string");
  const int = (o, k, path) => Number.isInteger(o[k]) && o[k] >= 0 ? o[k] : bad(`${path}.${k}`, "must be a non-negative integer");
  const list = (o, k, path) => o[k] === void 0 ? [] : Array.isArray(o[k]) ? o[k] : bad(`${path}.${k}`, "must be a list");
  const codes = (o, path) => {
    const e = o.expect ?? [200];
    return Array.isArray(e) && e.length > 0 && e.every((c) => Number.isInteger(c)) ? e : bad(`${path}.expect`, "must be a list of HTTP status codes");
  };
  const cloud = str(json2, "cloud", "pipeline");
  if (cloud !== "aws" && cloud !== "azure" && cloud !== "gcp") bad("pipeline.cloud", "must be aws, azure or gcp");
  const entries = list(json2, "health", "pipeline").map((e, i) => {
    const p = `health[${i}]`;
    if (!isObj(e)) return bad(p, "must be an object");
    const base = { component: str(e, "component", p), name: str(e, "name", p) };
    if (typeof e.url === "string") {
      let u;
      try {
        u = new URL(e.url);
      } catch {
        return bad(`${p}.url`, "must be an absolute URL");
      }
      if (u.protocol !== "https:") bad(`${p}.url`, "must be https");
      return { kind: "url", ...base, url: e.url, expect: codes(e, p) };
    }
    if (typeof e.service === "string") {
      if (!/^[a-z][a-z0-9-]*:[0-9]{1,5}$/.test(e.service)) bad(`${p}.service`, "must be <service>:<port>");
      return {
        kind: "service",
        ...base,
        namespace: str(e, "namespace", p),
        service: e.service,
        path: str(e, "path", p),
        expect: codes(e, p)
      };
    }
    if (typeof e.workload === "string") {
      if (!/^(deployment|statefulset|daemonset)\/[a-z0-9-]+$/.test(e.workload)) bad(`${p}.workload`, "must be deployment|statefulset|daemonset/<name>");
      return {
        kind: "workload",
        ...base,
        namespace: str(e, "namespace", p),
        workload: e.workload
      };
    }
    return bad(p, "needs a url, a service or a workload");
  });
  const ctx = json2.healthContext === void 0 ? {} : isObj(json2.healthContext) ? json2.healthContext : bad("healthContext", "must be an object");
  const hc = "healthContext";
  const nodePools = list(ctx, "nodePools", hc).map((n, i) => {
    if (!isObj(n)) return bad(`${hc}.nodePools[${i}]`, "must be an object");
    return {
      name: str(n, "name", `${hc}.nodePools[${i}]`),
      min: int(n, "min", `${hc}.nodePools[${i}]`),
      max: int(n, "max", `${hc}.nodePools[${i}]`)
    };
  });
  const nsName = (k) => list(ctx, k, hc).map(
    (r, i) => isObj(r) ? {
      namespace: str(r, "namespace", `${hc}.${k}[${i}]`),
      name: str(r, "name", `${hc}.${k}[${i}]`)
    } : bad(`${hc}.${k}[${i}]`, "must be an object")
  );
  const hosts = list(ctx, "hosts", hc).map(
    (h, i) => isObj(h) ? {
      component: str(h, "component", `${hc}.hosts[${i}]`),
      host: str(h, "host", `${hc}.hosts[${i}]`)
    } : bad(`${hc}.hosts[${i}]`, "must be an object")
  );
  let gateway;
  if (ctx.gateway !== void 0) {
    if (!isObj(ctx.gateway)) bad(`${hc}.gateway`, "must be an object");
    const g = ctx.gateway;
    gateway = {
      namespace: str(g, "namespace", `${hc}.gateway`),
      name: str(g, "name", `${hc}.gateway`)
    };
  }
  let oidc;
  if (ctx.oidc !== void 0) {
    if (!isObj(ctx.oidc)) bad(`${hc}.oidc`, "must be an object");
    const o = ctx.oidc;
    oidc = {
      issuer: str(o, "issuer", `${hc}.oidc`),
      clients: list(o, "clients", `${hc}.oidc`).map((c, i) => {
        const p = `${hc}.oidc.clients[${i}]`;
        if (!isObj(c)) return bad(p, "must be an object");
        return {
          component: str(c, "component", p),
          clientId: str(c, "clientId", p),
          baseUrl: str(c, "baseUrl", p),
          redirectUri: str(c, "redirectUri", p)
        };
      })
    };
  }
  return {
    cloud,
    region: str(json2, "region", "pipeline"),
    cluster: str(json2, "cluster", "pipeline"),
    ...typeof json2.environment === "string" ? { environment: json2.environment } : {},
    stateBucket: str(json2, "stateBucket", "pipeline"),
    entries,
    ...typeof ctx.domain === "string" ? { domain: ctx.domain } : {},
    tlsIssuer: typeof ctx.tlsIssuer === "string" ? ctx.tlsIssuer : "letsencrypt",
    nodePools,
    namespaces: list(ctx, "namespaces", hc).map((n, i) => typeof n === "string" ? n : bad(`${hc}.namespaces[${i}]`, "must be a string")),
    releases: nsName("releases"),
    hosts,
    ...gateway ? { gateway } : {},
    ...oidc ? { oidc } : {}
  };
}

// generator/runtime/health/deps.ts
import { execFile } from "node:child_process";
function defaultRunner(env) {
  return (cmd, args, signal) => new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      {
        env,
        signal,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true
      },
      (err, stdout, stderr) => {
        if (err && err.code === "ENOENT") return reject(new Error(`${cmd} is not installed or not on PATH`));
        if (err && err.name === "AbortError") return reject(err);
        const code = err ? typeof err.code === "number" ? err.code : 1 : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      }
    );
  });
}
function lastLine(r) {
  const lines = (r.stderr || r.stdout).trim().split("\n").filter((l) => l.trim() !== "");
  return (lines.at(-1) ?? `exit ${r.code}, no output`).slice(0, 300);
}

// generator/runtime/health/cloud.ts
import { readFileSync as readFileSync2 } from "node:fs";

// generator/runtime/health/check.ts
var pass = (reason, details) => ({
  status: "pass",
  reason,
  ...details ? { details } : {}
});
var warn = (reason, details) => ({
  status: "warn",
  reason,
  ...details ? { details } : {}
});
var fail = (reason, details) => ({
  status: "fail",
  reason,
  ...details ? { details } : {}
});
function listSome(items, n = 5) {
  return items.length <= n ? items.join(", ") : `${items.slice(0, n).join(", ")} and ${items.length - n} more`;
}

// generator/runtime/health/cloud.ts
var has = (env, ...names) => names.every((n) => typeof env[n] === "string" && env[n] !== "");
var credentialsCheck = {
  id: "cloud-credentials",
  category: "credentials",
  needs: "cloud",
  run: async (ctx) => {
    const env = ctx.deps.env;
    switch (ctx.config.cloud) {
      case "aws":
        if (has(env, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"))
          return has(env, "AWS_SESSION_TOKEN") ? pass("AWS role session credentials present (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN)") : warn("a long-lived AWS access key is in the environment (no AWS_SESSION_TOKEN); the workflows are meant to assume the role through GitHub OIDC");
        if (has(env, "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE")) return pass("AWS web-identity credentials present (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE)");
        return fail("no AWS credentials: set them with aws-actions/configure-aws-credentials (role-to-assume) before this step");
      case "azure": {
        const missing = ["ARM_CLIENT_ID", "ARM_TENANT_ID", "ARM_SUBSCRIPTION_ID"].filter((n) => !has(env, n));
        if (missing.length) return fail(`no Azure credentials: ${missing.join(", ")} not set (the azure/login step exports them)`);
        if (has(env, "ARM_CLIENT_SECRET")) return warn("a long-lived client secret (ARM_CLIENT_SECRET) is in the environment; the workflows are meant to use GitHub OIDC");
        if (env.ARM_USE_OIDC === "true" && !has(env, "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"))
          return fail("ARM_USE_OIDC is true but the job cannot request an OIDC token: grant the job `id-token: write`");
        return pass("Azure identity present (ARM_CLIENT_ID, ARM_TENANT_ID, ARM_SUBSCRIPTION_ID, OIDC)");
      }
      case "gcp": {
        const file = env.GOOGLE_APPLICATION_CREDENTIALS || env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE || env.GOOGLE_GHA_CREDS_PATH;
        if (!file) return fail("no Google credentials: GOOGLE_APPLICATION_CREDENTIALS is not set (google-github-actions/auth exports it)");
        let type;
        try {
          type = JSON.parse(readFileSync2(file, "utf8")).type;
        } catch (e) {
          return fail(`GOOGLE_APPLICATION_CREDENTIALS names a file that cannot be read as JSON (${e.code ?? "invalid JSON"})`);
        }
        if (type === "service_account") return warn("a service-account key file is in use; the workflows are meant to use Workload Identity Federation");
        if (type !== "external_account") return fail(`GOOGLE_APPLICATION_CREDENTIALS is not a credentials file (type ${JSON.stringify(type)})`);
        return pass("Google Workload Identity Federation credentials present");
      }
    }
  }
};
function cliStateProbe(run2) {
  return async (config, signal) => {
    const [cmd, args, what] = config.cloud === "aws" ? ["aws", ["s3api", "head-bucket", "--bucket", config.stateBucket, "--region", config.region], `S3 bucket ${config.stateBucket}`] : config.cloud === "azure" ? (
      // The container name is the one backend.tf names (generator/src/clouds/azure).
      [
        "az",
        ["storage", "container", "show", "--account-name", config.stateBucket, "--name", "tfstate", "--auth-mode", "login", "--output", "none"],
        `storage account ${config.stateBucket}, container tfstate`
      ]
    ) : ["gcloud", ["storage", "buckets", "describe", `gs://${config.stateBucket}`, "--format=value(name)"], `GCS bucket ${config.stateBucket}`];
    const r = await run2(cmd, args, signal);
    if (r.code !== 0) return fail(`cannot reach the state in ${what}: ${lastLine(r)}`);
    return pass(`state in ${what} is reachable`);
  };
}
var stateCheck = {
  id: "state-backend",
  category: "state",
  needs: "cloud",
  run: (ctx) => ctx.deps.stateProbe(ctx.config, ctx.signal)
};

// generator/runtime/health/http.ts
import { Resolver } from "node:dns";
import { request as request2 } from "node:https";
import { isIP } from "node:net";
import { createSecureContext, rootCertificates } from "node:tls";
function resolverLookup(servers) {
  return (hostname, options, callback) => {
    const all = typeof options === "object" && options !== null && options.all === true;
    const family = isIP(hostname);
    if (family) {
      if (all) callback(null, [{ address: hostname, family }]);
      else callback(null, hostname, family);
      return;
    }
    const r = new Resolver({ timeout: 2e3, tries: 2 });
    r.setServers(servers);
    r.resolve4(hostname, (err, addrs) => {
      if (err || addrs.length === 0) {
        const e = Object.assign(new Error(`${hostname} does not resolve (${err?.code ?? "no A record"})`), { code: err?.code ?? "ENOTFOUND" });
        return callback(e, "", 4);
      }
      if (all)
        callback(
          null,
          addrs.map((address) => ({ address, family: 4 }))
        );
      else callback(null, addrs[0], 4);
    });
  };
}
function trustContext(extra) {
  return extra && extra.length > 0 ? createSecureContext({ ca: [...rootCertificates, ...extra] }) : void 0;
}
function httpRequest(url, o) {
  const u = new URL(url);
  const maxBytes = o.maxBytes ?? 256 * 1024;
  return new Promise((resolve, reject) => {
    const options = {
      protocol: "https:",
      hostname: u.hostname,
      port: u.port ? Number(u.port) : o.defaultPort ?? 443,
      path: `${u.pathname}${u.search}`,
      method: o.method ?? "GET",
      headers: {
        "user-agent": "opsta-health",
        accept: "application/json, text/plain, */*",
        ...o.body ? { "content-type": "application/json" } : {},
        ...o.headers
      },
      servername: isIP(u.hostname) ? void 0 : u.hostname,
      secureContext: o.secureContext,
      rejectUnauthorized: !o.insecure,
      lookup: o.lookup,
      agent: false,
      signal: o.signal
    };
    const req = request2(options, (res) => {
      const chunks = [];
      let size = 0;
      res.on("data", (c) => {
        if (size < maxBytes) chunks.push(c.subarray(0, maxBytes - size));
        size += c.length;
      });
      res.on(
        "end",
        () => resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8")
        })
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(o.body);
  });
}
function describeNetError(e, host) {
  const code = e.code ?? "";
  const msg = e instanceof Error ? e.message : String(e);
  switch (code) {
    case "CERT_HAS_EXPIRED":
      return `the certificate of ${host} has expired`;
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `the certificate presented is not valid for ${host}`;
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
      return `the certificate of ${host} is not trusted (${code})`;
    case "ENOTFOUND":
    case "ENODATA":
    case "ESERVFAIL":
      return `${host} does not resolve (${code})`;
    case "ECONNREFUSED":
      return `${host} refused the connection`;
    case "ECONNRESET":
      return `${host} reset the connection`;
    default:
      return code ? `${msg} (${code})` : msg;
  }
}
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}

// generator/runtime/health/kube.ts
async function kubectlJson(ctx, args) {
  const r = await ctx.deps.run("kubectl", [...args, "-o", "json"], ctx.signal);
  if (r.code !== 0) return { ok: false, r };
  const json2 = parseJson(r.stdout);
  if (typeof json2 !== "object" || json2 === null)
    return {
      ok: false,
      r: {
        ...r,
        code: 1,
        stderr: "kubectl printed something that is not JSON"
      }
    };
  return { ok: true, json: json2 };
}
var clusterApiCheck = {
  id: "cluster-api",
  category: "cluster",
  needs: "cluster",
  run: async (ctx) => {
    const ready = await ctx.deps.run("kubectl", ["get", "--raw", "/readyz"], ctx.signal);
    if (ready.code !== 0) return fail(`the API server of ${ctx.config.cluster} is not reachable or not ready: ${lastLine(ready)}`);
    if (ready.stdout.trim() !== "ok") return fail(`/readyz answered ${JSON.stringify(ready.stdout.trim().slice(0, 200))}, not "ok"`);
    const v = await ctx.deps.run("kubectl", ["version", "-o", "json"], ctx.signal);
    const server = parseJson(v.stdout)?.serverVersion?.gitVersion;
    return pass(`API server ready${typeof server === "string" ? ` (Kubernetes ${server})` : ""}`, typeof server === "string" ? { serverVersion: server } : void 0);
  }
};
var isReady = (node) => (node.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
var nodesCheck = {
  id: "nodes",
  category: "nodes",
  needs: "cluster",
  run: async (ctx) => {
    const desired = ctx.config.nodePools.reduce((a, p) => a + p.min, 0);
    const got = await kubectlJson(ctx, ["get", "nodes"]);
    if (!got.ok) return fail(`cannot list nodes: ${lastLine(got.r)}`);
    const nodes = got.json.items ?? [];
    const ready = nodes.filter((n) => isReady(n) && !n.spec?.unschedulable);
    const notReady = nodes.filter((n) => !ready.includes(n)).map((n) => String(n.metadata?.name));
    const details = {
      desired,
      ready: ready.length,
      total: nodes.length,
      notReady
    };
    if (ready.length < desired)
      return fail(
        `${ready.length} of ${desired} desired nodes are Ready${notReady.length ? ` (not ready or cordoned: ${listSome(notReady)})` : ""}; check the node group and its events`,
        details
      );
    if (notReady.length) return warn(`${ready.length} nodes Ready (desired ${desired}), but ${listSome(notReady)} not ready or cordoned`, details);
    return pass(`${ready.length} nodes Ready (desired at least ${desired})`, details);
  }
};
function podProblem(p) {
  const phase = p.status?.phase;
  if (phase === "Succeeded") return void 0;
  const containers = [...p.status?.initContainerStatuses ?? [], ...p.status?.containerStatuses ?? []];
  const waiting = containers.map((c) => c.state?.waiting?.reason).find((r) => typeof r === "string" && r !== "PodInitializing" && r !== "ContainerCreating");
  if (waiting) return waiting;
  if (phase !== "Running") return String(phase ?? "Unknown");
  const unready = (p.status?.containerStatuses ?? []).filter((c) => !c.ready).map((c) => String(c.name));
  return unready.length ? `containers not ready: ${unready.join(", ")}` : void 0;
}
var podsCheck = {
  id: "system-pods",
  category: "pods",
  needs: "cluster",
  run: async (ctx) => {
    const wanted = new Set(ctx.config.namespaces.length ? ctx.config.namespaces : ["kube-system"]);
    const got = await kubectlJson(ctx, ["get", "pods", "--all-namespaces"]);
    if (!got.ok) return fail(`cannot list pods: ${lastLine(got.r)}`);
    const pods = (got.json.items ?? []).filter((p) => wanted.has(p.metadata?.namespace));
    const bad = pods.flatMap((p) => {
      const why = podProblem(p);
      return why ? [`${p.metadata?.namespace}/${p.metadata?.name} (${why})`] : [];
    });
    const details = {
      namespaces: [...wanted].sort(),
      pods: pods.length,
      unhealthy: bad
    };
    if (bad.length) return fail(`${bad.length} of ${pods.length} pods unhealthy: ${listSome(bad)}`, details);
    return pass(`${pods.length} pods healthy in ${wanted.size} namespaces`, details);
  }
};
function workloadCheck(e) {
  return {
    id: `workload:${e.name}`,
    category: "workload",
    needs: "cluster",
    component: e.component,
    target: `${e.namespace}/${e.workload}`,
    run: async (ctx) => {
      const got = await kubectlJson(ctx, ["get", e.workload, "--namespace", e.namespace]);
      if (!got.ok) return fail(`cannot read ${e.workload} in ${e.namespace}: ${lastLine(got.r)}`);
      const s = got.json.status ?? {};
      const [kind] = e.workload.split("/");
      const [want, have] = kind === "daemonset" ? [s.desiredNumberScheduled ?? 0, s.numberReady ?? 0] : kind === "statefulset" ? [got.json.spec?.replicas ?? 1, s.readyReplicas ?? 0] : [got.json.spec?.replicas ?? 1, s.availableReplicas ?? 0];
      const details = { desired: want, ready: have };
      if (want === 0) return warn(`${e.workload} is scaled to zero`, details);
      if (have < want) return fail(`${e.workload}: ${have} of ${want} replicas ${kind === "deployment" ? "available" : "ready"}`, details);
      return pass(`${e.workload}: ${have}/${want} ${kind === "deployment" ? "available" : "ready"}`, details);
    }
  };
}
function serviceEndpointCheck(e) {
  const [svc, port] = e.service.split(":");
  const raw = `/api/v1/namespaces/${e.namespace}/services/http:${svc}:${port}/proxy${e.path}`;
  return {
    id: `endpoint:${e.name}`,
    category: "endpoint",
    needs: "cluster",
    component: e.component,
    target: `${e.namespace}/${e.service}${e.path}`,
    run: async (ctx) => {
      const r = await ctx.deps.run("kubectl", ["get", "--raw", raw], ctx.signal);
      if (r.code !== 0) return fail(`${e.service}${e.path} in ${e.namespace}: ${lastLine(r)}`);
      const body = parseJson(r.stdout);
      if (body && typeof body.status === "string" && body.status !== "UP") {
        const down = (body.checks ?? []).filter((c) => c.status !== "UP").map((c) => String(c.name));
        return fail(`${e.path} reports ${body.status}${down.length ? ` (${listSome(down)})` : ""}`, { status: body.status });
      }
      return pass(`${e.path} ${body?.status === "UP" ? "reports UP" : "answered"} (through the API server's service proxy)`);
    }
  };
}
async function gatewayAddresses(ctx) {
  const g = ctx.config.gateway;
  return ctx.shared("gateway", async () => {
    const got = await kubectlJson(ctx, ["get", "gateway", g.name, "--namespace", g.namespace]);
    if (!got.ok) return { addresses: [], programmed: false, error: lastLine(got.r) };
    const addresses = (got.json.status?.addresses ?? []).map((a) => a.value).filter((v) => typeof v === "string" && v !== "");
    const programmed = (got.json.status?.conditions ?? []).some((c) => c.type === "Programmed" && c.status === "True");
    return { addresses, programmed };
  });
}
var gatewayCheck = {
  id: "gateway-address",
  category: "gateway",
  needs: "cluster",
  run: async (ctx) => {
    const g = ctx.config.gateway;
    const a = await gatewayAddresses(ctx);
    if (a.error) return fail(`cannot read Gateway ${g.namespace}/${g.name}: ${a.error}`);
    if (a.addresses.length === 0) return fail(`Gateway ${g.namespace}/${g.name} has no address yet: the cloud load balancer was not provisioned (see the envoy Service's events)`);
    if (!a.programmed) return warn(`Gateway ${g.namespace}/${g.name} has address ${listSome(a.addresses)} but is not Programmed`, { addresses: a.addresses });
    return pass(`Gateway ${g.namespace}/${g.name} is Programmed at ${listSome(a.addresses)}`, { addresses: a.addresses });
  }
};
var helmCheck = {
  id: "helm-releases",
  category: "helm",
  needs: "cluster",
  run: async (ctx) => {
    const r = await ctx.deps.run("helm", ["list", "--all-namespaces", "--all", "--output", "json"], ctx.signal);
    if (r.code !== 0) return fail(`helm list failed: ${lastLine(r)}`);
    const list = parseJson(r.stdout);
    if (!Array.isArray(list)) return fail("helm list printed something that is not a JSON list");
    const byId = new Map(list.map((x) => [`${x.namespace}/${x.name}`, String(x.status)]));
    const missing = ctx.config.releases.map((x) => `${x.namespace}/${x.name}`).filter((id) => !byId.has(id));
    const notDeployed = ctx.config.releases.map((x) => `${x.namespace}/${x.name}`).flatMap((id) => byId.has(id) && byId.get(id) !== "deployed" ? [`${id} (${byId.get(id)})`] : []);
    const details = {
      expected: ctx.config.releases.length,
      missing,
      notDeployed
    };
    if (missing.length || notDeployed.length)
      return fail([notDeployed.length ? `not deployed: ${listSome(notDeployed)}` : "", missing.length ? `missing: ${listSome(missing)}` : ""].filter(Boolean).join("; "), details);
    return pass(`${ctx.config.releases.length} releases deployed`, details);
  }
};

// generator/runtime/health/net.ts
import { promises as dnsPromises } from "node:dns";
import { isIP as isIP2 } from "node:net";
import { checkServerIdentity, connect } from "node:tls";
function resolver(ctx) {
  const r = new dnsPromises.Resolver({ timeout: 2e3, tries: 2 });
  if (ctx.deps.dnsServers?.length) r.setServers(ctx.deps.dnsServers);
  ctx.signal.addEventListener("abort", () => r.cancel(), { once: true });
  return r;
}
async function resolve4(ctx, host) {
  try {
    return { ok: true, addresses: (await resolver(ctx).resolve4(host)).sort() };
  } catch (e) {
    return { ok: false, code: e.code ?? String(e) };
  }
}
function dnsCheck(h) {
  return {
    id: `dns:${h.host}`,
    category: "dns",
    component: h.component,
    target: h.host,
    run: async (ctx) => {
      const compare = ctx.config.gateway && !ctx.missing.cluster;
      const [own, gw] = await Promise.all([resolve4(ctx, h.host), compare ? gatewayAddresses(ctx) : Promise.resolve(void 0)]);
      if (!own.ok) return fail(`${h.host} does not resolve (${own.code}): external-dns has not published it (check its logs and the zone delegation)`);
      if (ctx.config.gateway && ctx.missing.cluster)
        return pass(`${h.host} resolves to ${listSome(own.addresses)} (not compared with the Gateway's address: ${ctx.missing.cluster})`, { addresses: own.addresses, comparedWithGateway: false });
      if (!gw || gw.addresses.length === 0)
        return warn(`${h.host} resolves to ${listSome(own.addresses)}, but the Gateway has no address to compare with`, { addresses: own.addresses });
      const expected = /* @__PURE__ */ new Set();
      for (const a of gw.addresses) {
        if (isIP2(a)) expected.add(a);
        else {
          const r = await resolve4(ctx, a);
          if (r.ok) r.addresses.forEach((x) => expected.add(x));
        }
      }
      const details = {
        addresses: own.addresses,
        gateway: gw.addresses,
        gatewayAddresses: [...expected].sort()
      };
      const stray = own.addresses.filter((a) => !expected.has(a));
      if (stray.length === own.addresses.length)
        return fail(`${h.host} resolves to ${listSome(own.addresses)}, not to the Gateway (${listSome(gw.addresses)}): a stale or foreign record`, details);
      if (stray.length) return warn(`${h.host} resolves partly elsewhere: ${listSome(stray)} is not the Gateway's`, details);
      return pass(`${h.host} resolves to the Gateway (${listSome(own.addresses)})`, details);
    }
  };
}
function peerCertificate(ctx, host, port) {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port,
      servername: isIP2(host) ? void 0 : host,
      secureContext: ctx.deps.secureContext,
      rejectUnauthorized: false,
      lookup: ctx.deps.lookup,
      ALPNProtocols: ["http/1.1"]
    });
    const onAbort = () => socket.destroy(Object.assign(new Error("aborted"), { name: "AbortError" }));
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    socket.once("secureConnect", () => {
      const cert = socket.getPeerCertificate();
      const err = socket.authorizationError;
      resolve({
        cert,
        authorized: socket.authorized,
        ...err ? {
          authorizationError: String(err.code ?? err)
        } : {}
      });
      socket.end();
    });
    socket.once("error", reject);
    socket.once("close", () => ctx.signal.removeEventListener("abort", onAbort));
  });
}
var DAY = 864e5;
function tlsCheck(h) {
  return {
    id: `tls:${h.host}`,
    category: "tls",
    component: h.component,
    target: h.host,
    run: async (ctx) => {
      const port = ctx.deps.httpsPort;
      let peer;
      try {
        peer = await peerCertificate(ctx, h.host, port);
      } catch (e) {
        return fail(`no TLS connection to ${h.host}:${port}: ${describeNetError(e, h.host)}`);
      }
      const { cert } = peer;
      if (!cert || !cert.valid_to) return fail(`${h.host} presented no certificate`);
      const now = ctx.deps.now().getTime();
      const notAfter = new Date(cert.valid_to);
      const notBefore = new Date(cert.valid_from);
      const daysLeft = Math.floor((notAfter.getTime() - now) / DAY);
      const names = (cert.subjectaltname ?? "").split(", ").filter(Boolean);
      const issuer = cert.issuer?.CN ?? cert.issuer?.O ?? "unknown issuer";
      const details = {
        notBefore: notBefore.toISOString(),
        notAfter: notAfter.toISOString(),
        daysLeft,
        subjectAltNames: names,
        issuer,
        ...peer.authorizationError ? { authorizationError: peer.authorizationError } : {}
      };
      if (notAfter.getTime() <= now)
        return fail(
          `the certificate of ${h.host} expired on ${notAfter.toISOString().slice(0, 10)} (${-daysLeft} days ago): cert-manager did not renew it; check the Certificate and its Order`,
          details
        );
      if (notBefore.getTime() > now) return fail(`the certificate of ${h.host} is not valid before ${notBefore.toISOString()}`, details);
      const identity = checkServerIdentity(h.host, cert);
      if (identity)
        return fail(
          `the certificate presented for ${h.host} is for ${listSome(names.length ? names : [String(cert.subject?.CN)])}, not ${h.host}: the Gateway's listener has the wrong certificate`,
          details
        );
      if (!peer.authorized) {
        const why = `the certificate of ${h.host} is not trusted (${peer.authorizationError ?? "unverified"}, issued by ${issuer})`;
        if (ctx.config.tlsIssuer !== "letsencrypt") return warn(`${why}, as expected with the plan's ${ctx.config.tlsIssuer} issuer`, details);
        return fail(why, details);
      }
      if (daysLeft < ctx.deps.certFailDays)
        return fail(
          `the certificate of ${h.host} expires in ${daysLeft} days (on ${notAfter.toISOString().slice(0, 10)}), under ${ctx.deps.certFailDays}: renewal is failing; check the Certificate's events`,
          details
        );
      if (daysLeft < ctx.deps.certWarnDays) return warn(`the certificate of ${h.host} expires in ${daysLeft} days: cert-manager should already have renewed it`, details);
      return pass(`valid for ${h.host} until ${notAfter.toISOString().slice(0, 10)} (${daysLeft} days), issued by ${issuer}`, details);
    }
  };
}

// generator/runtime/health/endpoints.ts
function request3(ctx, url, extra = {}) {
  return httpRequest(url, {
    signal: ctx.signal,
    secureContext: ctx.deps.secureContext,
    lookup: ctx.deps.lookup,
    defaultPort: ctx.deps.httpsPort,
    // With a staging or self-signed issuer the TLS check reports trust; the endpoint is still worth asking.
    insecure: ctx.config.tlsIssuer !== "letsencrypt",
    ...extra
  });
}
var excerpt = (body) => body.replace(/\s+/g, " ").trim().slice(0, 160);
var VAULT_STATUS = {
  200: { status: "pass", meaning: "initialized, unsealed and active" },
  429: { status: "pass", meaning: "unsealed standby" },
  472: {
    status: "warn",
    meaning: "disaster-recovery secondary (it does not serve clients)"
  },
  473: { status: "pass", meaning: "performance standby" },
  501: {
    status: "fail",
    meaning: "not initialized: run `vault operator init` once (README: bootstrap)"
  },
  503: {
    status: "fail",
    meaning: "sealed: auto-unseal with the cloud KMS did not happen; check the seal stanza and the KMS key permissions"
  },
  530: { status: "fail", meaning: "removed from the Raft cluster" }
};
function vaultVerdict(res) {
  const known = VAULT_STATUS[res.status];
  const body = parseJson(res.body);
  const details = {
    statusCode: res.status,
    ...body && typeof body.version === "string" ? { version: body.version } : {},
    ...body ? {
      initialized: body.initialized,
      sealed: body.sealed,
      standby: body.standby
    } : {}
  };
  if (!known) return fail(`Vault answered ${res.status}, which /v1/sys/health does not define: ${excerpt(res.body)}`, details);
  const meaning = res.status === 200 && body?.standby === true ? body.performance_standby ? "performance standby" : "unsealed standby" : known.meaning;
  return {
    status: known.status,
    reason: `Vault ${res.status}: ${meaning}`,
    details
  };
}
function semanticVerdict(component, name, res, expect, issuer) {
  const body = parseJson(res.body);
  const details = { statusCode: res.status };
  if (component === "vault") return vaultVerdict(res);
  if (!expect.includes(res.status)) return fail(`answered ${res.status}, expected ${expect.join(" or ")}: ${excerpt(res.body) || "empty body"}`, details);
  if (component === "keycloak" && name === "keycloak-realm") {
    if (!body || typeof body.issuer !== "string") return fail("the discovery document has no issuer", details);
    if (issuer && body.issuer !== issuer)
      return fail(`the realm's issuer is ${body.issuer}, not ${issuer}: Keycloak's hostname setting is wrong, so every client rejects its tokens`, {
        ...details,
        issuer: body.issuer
      });
    return pass(`realm discovery served, issuer ${body.issuer}`, {
      ...details,
      issuer: body.issuer
    });
  }
  if (component === "harbor") {
    const down = (body?.components ?? []).filter((c) => c.status !== "healthy").map((c) => `${c.name} (${c.error ?? c.status})`);
    if (body?.status !== "healthy" || down.length)
      return fail(`Harbor is ${String(body?.status ?? "not reporting")}${down.length ? `: ${listSome(down)}` : ""}`, { ...details, unhealthy: down });
    return pass(`Harbor healthy (${(body.components ?? []).length} components)`, details);
  }
  if (component === "monitoring" && name === "grafana-health") {
    if (body?.database !== "ok") return fail(`Grafana's database is ${String(body?.database ?? "not reported")}`, details);
    return pass(`Grafana ${String(body.version ?? "")} healthy, database ok`.replace("  ", " "), details);
  }
  if (component === "teleport") {
    if (!body || typeof body.proxy !== "object") return fail(`/webapi/ping did not return Teleport's proxy settings: ${excerpt(res.body)}`, details);
    return pass(`Teleport proxy answers${typeof body.server_version === "string" ? ` (${body.server_version})` : ""}`, details);
  }
  if (component === "argocd" && res.body.trim() !== "ok") return fail(`/healthz answered ${JSON.stringify(excerpt(res.body))}, not "ok"`, details);
  return pass(`answered ${res.status}`, details);
}
function urlEndpointCheck(e) {
  return {
    id: `endpoint:${e.name}`,
    category: "endpoint",
    component: e.component,
    target: e.url,
    run: async (ctx) => {
      let res;
      try {
        res = await request3(ctx, e.url);
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        return fail(describeNetError(err, new URL(e.url).hostname));
      }
      return semanticVerdict(e.component, e.name, res, e.expect, ctx.config.oidc?.issuer);
    }
  };
}
async function realmDiscovery(ctx) {
  const issuer = ctx.config.oidc.issuer;
  return ctx.shared("discovery", async () => {
    const url = `${issuer}/.well-known/openid-configuration`;
    const res = await request3(ctx, url);
    if (res.status !== 200) throw new Error(`the realm's discovery ${url} answered ${res.status}`);
    const d = parseJson(res.body);
    if (typeof d?.issuer !== "string" || typeof d?.authorization_endpoint !== "string") throw new Error(`the realm's discovery ${url} has no issuer or authorization_endpoint`);
    return d;
  });
}
var LOGIN_START = {
  vault: {
    describe: "POST /v1/auth/oidc/oidc/auth_url (role default)",
    start: async (ctx, c) => {
      const res = await request3(ctx, `${c.baseUrl}/v1/auth/oidc/oidc/auth_url`, {
        method: "POST",
        body: JSON.stringify({
          role: "default",
          redirect_uri: c.redirectUri
        })
      });
      const url = parseJson(res.body)?.data?.auth_url;
      if (res.status !== 200 || typeof url !== "string" || url === "")
        throw new Error(`Vault's OIDC auth method answered ${res.status}: ${excerpt(res.body) || "no auth_url"} (is stage 40 applied?)`);
      return url;
    }
  },
  harbor: {
    describe: "GET /c/oidc/login",
    start: (ctx, c) => redirectOf(ctx, `${c.baseUrl}/c/oidc/login`, "Harbor")
  },
  monitoring: {
    describe: "GET /login/generic_oauth",
    start: (ctx, c) => redirectOf(ctx, `${c.baseUrl}/login/generic_oauth`, "Grafana")
  },
  argocd: {
    describe: "GET /auth/login",
    start: (ctx, c) => redirectOf(ctx, `${c.baseUrl}/auth/login`, "Argo CD")
  }
};
async function redirectOf(ctx, url, who) {
  const res = await request3(ctx, url);
  const loc = res.headers.location;
  if (res.status < 300 || res.status > 399 || typeof loc !== "string") throw new Error(`${who} did not redirect to the identity provider (${res.status}): SSO is not configured`);
  return new URL(loc, url).toString();
}
function oidcCheck(c) {
  return {
    id: `oidc:${c.clientId}`,
    category: "oidc",
    component: c.component,
    target: c.baseUrl,
    run: async (ctx) => {
      const expectedIssuer = ctx.config.oidc.issuer;
      let d;
      try {
        d = await realmDiscovery(ctx);
      } catch (e) {
        if (ctx.signal.aborted) throw e;
        return fail(`cannot read the realm's discovery: ${describeNetError(e, new URL(expectedIssuer).hostname)}`);
      }
      if (d.issuer !== expectedIssuer)
        return fail(`the realm's issuer is ${d.issuer}, but ${c.clientId} is configured for ${expectedIssuer}: tokens would be rejected`, { issuer: d.issuer });
      const how = LOGIN_START[c.component];
      if (!how) return warn(`issuer matches; no credential-free login probe is known for ${c.component}, so the client itself was not checked`, { issuer: d.issuer });
      let authUrl;
      try {
        authUrl = new URL(await how.start(ctx, c));
      } catch (e) {
        if (ctx.signal.aborted) throw e;
        return fail(describeNetError(e, new URL(c.baseUrl).hostname));
      }
      const details = {
        issuer: d.issuer,
        authorizationUrl: `${authUrl.origin}${authUrl.pathname}`,
        clientId: authUrl.searchParams.get("client_id"),
        redirectUri: authUrl.searchParams.get("redirect_uri")
      };
      const problems = [];
      if (`${authUrl.origin}${authUrl.pathname}` !== d.authorization_endpoint)
        problems.push(`it sends logins to ${authUrl.origin}${authUrl.pathname}, not the realm's ${d.authorization_endpoint}`);
      if (details.clientId !== c.clientId) problems.push(`its client_id is ${String(details.clientId)}, not ${c.clientId}`);
      if (details.redirectUri !== c.redirectUri) problems.push(`its redirect_uri is ${String(details.redirectUri)}, not ${c.redirectUri}`);
      if (problems.length) return fail(`${c.clientId} (${how.describe}): ${problems.join("; ")}`, details);
      let res;
      try {
        res = await request3(ctx, authUrl.toString());
      } catch (e) {
        if (ctx.signal.aborted) throw e;
        return fail(`the authorization request failed: ${describeNetError(e, authUrl.hostname)}`, details);
      }
      if (res.status !== 200) {
        const title = /<title>([^<]*)<\/title>/i.exec(res.body)?.[1] ?? "";
        const said = /(Client not found|Invalid parameter: redirect_uri|Client is disabled)/i.exec(res.body)?.[1];
        return fail(
          `Keycloak refused ${c.clientId}'s authorization request (${res.status}${said ? `: ${said}` : title ? `: ${excerpt(title)}` : ""}): the client is not registered in the realm or the redirect URI is not allowed (stage 40)`,
          { ...details, statusCode: res.status }
        );
      }
      return pass(`${c.clientId} logs in through ${d.issuer} with redirect ${c.redirectUri}, and Keycloak accepts it`, details);
    }
  };
}

// generator/runtime/health/prerequisites.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
var set = (env, n) => typeof env[n] === "string" && env[n] !== "";
var CREDENTIAL_VARIABLES = {
  aws: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"],
  azure: ["ARM_CLIENT_ID", "ARM_TENANT_ID", "ARM_SUBSCRIPTION_ID", "ARM_CLIENT_SECRET"],
  gcp: ["GOOGLE_APPLICATION_CREDENTIALS", "CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE", "GOOGLE_GHA_CREDS_PATH"]
};
function missingCloudIdentity(cloud, env) {
  const names = CREDENTIAL_VARIABLES[cloud];
  if (names.some((n) => set(env, n))) return void 0;
  return `no cloud identity in this job (none of ${names.join(", ")} is set)`;
}
function missingKubeconfig(env) {
  if (set(env, "KUBECONFIG")) return void 0;
  if (set(env, "KUBERNETES_SERVICE_HOST")) return void 0;
  if (set(env, "HOME") && existsSync(join(env.HOME, ".kube", "config"))) return void 0;
  return "no kubeconfig in this job (KUBECONFIG is not set and there is no ~/.kube/config)";
}
function missingPrerequisites(config, env) {
  const cloud = missingCloudIdentity(config.cloud, env);
  const cluster = missingKubeconfig(env);
  return { ...cloud ? { cloud } : {}, ...cluster ? { cluster } : {} };
}

// generator/runtime/health/run.ts
function healthChecks(config) {
  const checks = [credentialsCheck, stateCheck, clusterApiCheck, nodesCheck, podsCheck, helmCheck];
  for (const e of config.entries) if (e.kind === "workload") checks.push(workloadCheck(e));
  if (config.gateway) checks.push(gatewayCheck);
  for (const h of config.hosts) checks.push(dnsCheck(h), tlsCheck(h));
  for (const e of config.entries) if (e.kind === "url") checks.push(urlEndpointCheck(e));
  for (const e of config.entries) if (e.kind === "service") checks.push(serviceEndpointCheck(e));
  for (const c of config.oidc?.clients ?? []) checks.push(oidcCheck(c));
  return checks;
}
function resolveDeps(d) {
  const run2 = d.run ?? defaultRunner(d.env);
  return {
    env: d.env,
    run: run2,
    stateProbe: d.stateProbe ?? cliStateProbe(run2),
    timeoutMs: d.timeoutMs ?? 15e3,
    certFailDays: d.certFailDays ?? 14,
    certWarnDays: d.certWarnDays ?? 30,
    httpsPort: d.httpsPort ?? 443,
    now: d.now ?? (() => /* @__PURE__ */ new Date()),
    ...d.dnsServers?.length ? { dnsServers: d.dnsServers, lookup: resolverLookup(d.dnsServers) } : {},
    ...d.ca?.length ? { secureContext: trustContext(d.ca) } : {}
  };
}
var headOf = (check) => ({
  id: check.id,
  category: check.category,
  ...check.component ? { component: check.component } : {},
  ...check.target ? { target: check.target } : {}
});
var skipped = (check, why) => ({ ...headOf(check), status: "skipped", reason: `not run: ${why}`, durationMs: 0 });
async function runOne(check, base) {
  const { timeoutMs } = base.deps;
  const ac = new AbortController();
  const t0 = performance.now();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      ac.abort();
      reject(
        Object.assign(new Error(`timed out after ${timeoutMs} ms`), {
          timedOut: true
        })
      );
    }, timeoutMs);
  });
  const head = headOf(check);
  try {
    const v = await Promise.race([check.run({ ...base, signal: ac.signal }), timeout]);
    return { ...head, ...v, durationMs: Math.round(performance.now() - t0) };
  } catch (e) {
    const reason = e.timedOut ? `no answer within ${timeoutMs} ms` : `the check could not run: ${e instanceof Error ? e.message : String(e)}`;
    return {
      ...head,
      status: "fail",
      reason,
      durationMs: Math.round(performance.now() - t0)
    };
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
}
async function runHealth(pipeline, deps) {
  const config = parseHealthConfig(pipeline);
  const resolved = resolveDeps(deps);
  const memo = /* @__PURE__ */ new Map();
  const missing = missingPrerequisites(config, resolved.env);
  const base = {
    config,
    deps: resolved,
    missing,
    shared: (key, compute) => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key);
    }
  };
  const startedAt = resolved.now();
  const t0 = performance.now();
  const selected = healthChecks(config).filter((c) => !deps.only || deps.only.some((o) => c.id === o || o.endsWith(":") && c.id.startsWith(o)));
  const clusterApi = selected.find((c) => c.id === "cluster-api");
  const started = /* @__PURE__ */ new Map();
  const start = (c) => {
    if (c.needs && missing[c.needs]) return Promise.resolve(skipped(c, missing[c.needs]));
    if (c.needs === "cluster" && clusterApi && c !== clusterApi)
      return started.get(clusterApi).then((gate) => gate.status === "fail" ? skipped(c, "the cluster API did not answer (see cluster-api)") : runOne(c, base));
    return runOne(c, base);
  };
  if (clusterApi) started.set(clusterApi, start(clusterApi));
  for (const c of selected) if (!started.has(c)) started.set(c, start(c));
  const checks = await Promise.all(selected.map((c) => started.get(c)));
  const counts = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  for (const c of checks) counts[c.status]++;
  return {
    schemaVersion: 2,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    sumOfCheckDurationsMs: checks.reduce((a, c) => a + c.durationMs, 0),
    cloud: config.cloud,
    cluster: config.cluster,
    ...config.environment ? { environment: config.environment } : {},
    status: counts.fail ? "fail" : counts.warn ? "warn" : counts.skipped ? "partial" : "pass",
    counts,
    checks
  };
}

// generator/runtime/health/markdown.ts
var ICON = { pass: "✅ pass", warn: "⚠️ warn", fail: "❌ fail", skipped: "⏭️ not run" };
var HEADLINE = { pass: "✅ healthy", warn: "⚠️ degraded", fail: "❌ failing", partial: "◐ partially checked" };
var clean = (s) => s.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
function renderHealthMarkdown(report) {
  const c = report.counts;
  const where = [report.cluster, report.environment, report.cloud].filter(Boolean).map((s) => mdText(clean(s))).join(" · ");
  const lines = [
    `## Health: ${HEADLINE[report.status]}${where ? ` (${where})` : ""}`,
    "",
    `${c.pass} passed, ${c.warn} warned, ${c.fail} failed, ${c.skipped} not run; ${report.checks.length} checks in ${report.durationMs} ms (run concurrently; ${report.sumOfCheckDurationsMs} ms one after another), started ${mdText(report.startedAt)}.`,
    ""
  ];
  const reasons = [...new Set(report.checks.filter((r) => r.status === "skipped").map((r) => r.reason))];
  if (reasons.length) lines.push(`Not run (${c.skipped}): ${reasons.map((r) => mdText(clean(r.replace(/^not run: /, "")))).join("; ")}.`, "");
  const order = { fail: 0, warn: 1, pass: 2, skipped: 3 };
  const rows = [...report.checks].sort((a, b) => order[a.status] - order[b.status]);
  lines.push("| Status | Check | Target | Reason | Time |", "|---|---|---|---|---:|");
  for (const r of rows) {
    lines.push(`| ${ICON[r.status]} | ${mdCode(clean(r.id))} | ${r.target ? mdText(clean(r.target)) : ""} | ${mdText(clean(r.reason))} | ${r.durationMs} ms |`);
  }
  return `${lines.join("\n")}
`;
}

// generator/runtime/helm-rollback.ts
var GOOD = /* @__PURE__ */ new Set(["deployed", "superseded"]);
var needsRollback = (status) => status === "failed" || status.startsWith("pending-");
var SETTLED = /* @__PURE__ */ new Set(["rolled-back", "helm-rolled-back", "uninstalled"]);
function lastGoodRevision(history, current) {
  return history.filter((h) => h.revision < current && GOOD.has(h.status)).map((h) => h.revision).sort((a, b) => b - a)[0];
}
function atomicRollback(history, opts) {
  const sorted = [...history].sort((a, b) => a.revision - b.revision);
  const current = sorted.at(-1);
  const prev = sorted.at(-2);
  const m = /^Rollback to (\d+)$/.exec(current?.description ?? "");
  if (!current || !prev || !m || current.status !== "deployed" || prev.status !== "failed") return void 0;
  const at = Date.parse(current.updated ?? "");
  const recent = opts.since !== void 0 && Number.isFinite(at) ? at >= opts.since : false;
  if (!recent && !opts.inLog) return void 0;
  return { from: prev.revision, to: Number(m[1]), as: current.revision, ...current.chart ? { chart: current.chart } : {}, ...current.app_version ? { appVersion: current.app_version } : {} };
}
function atomicMentions(log) {
  const rolledBack = /* @__PURE__ */ new Set();
  const uninstalled = /* @__PURE__ */ new Set();
  for (const m of log.matchAll(/release (\S+) failed, and has been (rolled back|uninstalled) due to atomic being set/g)) (m[2] === "uninstalled" ? uninstalled : rolledBack).add(m[1]);
  return { rolledBack, uninstalled };
}
function json(text, what) {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what} did not print JSON: ${text.slice(0, 120)}`);
  }
}
function helmRollback(opts) {
  const env = opts.env ?? process.env;
  const list = run("helmfile", ["--file", opts.helmfile, "list", "--output", "json"], { env });
  if (list.code !== 0) throw new UsageError(`helmfile list failed (exit ${list.code}): ${list.stderr.trim().split("\n").pop() ?? ""}`);
  const releases = json(list.stdout, "helmfile list");
  const results = [];
  const said = atomicMentions(opts.log ?? "");
  const history = (r) => run("helm", ["history", r.name, "--namespace", r.namespace, "--max", "50", "--output", "json"], { env });
  for (const r of releases) {
    if (r.enabled === false || r.installed === false) continue;
    const st = run("helm", ["status", r.name, "--namespace", r.namespace, "--output", "json"], { env });
    if (st.code !== 0) {
      if (said.uninstalled.has(r.name)) results.push({ name: r.name, namespace: r.namespace, status: "uninstalled", outcome: "uninstalled", detail: "its first install failed and Helm uninstalled it (atomic); there is no earlier revision, the next apply installs it again" });
      continue;
    }
    const status = json(st.stdout, `helm status ${r.name}`);
    const state = status.info?.status ?? "unknown";
    const current = Number(status.version);
    if (!needsRollback(state)) {
      if (state !== "deployed" || opts.since === void 0 && !said.rolledBack.has(r.name)) continue;
      const hist2 = history(r);
      if (hist2.code !== 0) continue;
      const undone = atomicRollback(json(hist2.stdout, `helm history ${r.name}`), { ...opts.since !== void 0 ? { since: opts.since } : {}, inLog: said.rolledBack.has(r.name) });
      if (undone) results.push({ name: r.name, namespace: r.namespace, status: "failed", ...undone, outcome: "helm-rolled-back" });
      continue;
    }
    const hist = history(r);
    if (hist.code !== 0) {
      results.push({ name: r.name, namespace: r.namespace, status: state, from: current, outcome: "rollback-failed", detail: `helm history failed: ${hist.stderr.trim().split("\n").pop()}` });
      continue;
    }
    const revisions = json(hist.stdout, `helm history ${r.name}`);
    const to = lastGoodRevision(revisions, current);
    if (to === void 0) {
      results.push({ name: r.name, namespace: r.namespace, status: state, from: current, outcome: "no-good-revision", detail: "its first install failed; there is no earlier revision (fix the values and apply again, or helm uninstall it)" });
      continue;
    }
    const good = revisions.find((h) => h.revision === to);
    const rb = run("helm", ["rollback", r.name, String(to), "--namespace", r.namespace, "--wait", "--timeout", opts.timeout], { env });
    results.push({ name: r.name, namespace: r.namespace, status: state, from: current, to, ...good?.chart ? { chart: good.chart } : {}, ...good?.app_version ? { appVersion: good.app_version } : {}, outcome: rb.code === 0 ? "rolled-back" : "rollback-failed", ...rb.code === 0 ? {} : { detail: rb.stderr.trim().split("\n").pop() ?? `exit ${rb.code}` } });
  }
  return results;
}
var version = (r) => r.chart ? ` (chart ${r.chart}${r.appVersion ? `, app ${r.appVersion}` : ""})` : "";
function describeRollbacks(results) {
  if (results.length === 0) return "No Helm release is failed or pending: nothing to roll back.";
  return results.map(
    (r) => r.outcome === "rolled-back" ? `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, rolled back to revision ${r.to}${version(r)}` : r.outcome === "helm-rolled-back" ? `${r.namespace}/${r.name}: revision ${r.from} failed; Helm rolled it back to revision ${r.to}${version(r)} as revision ${r.as} (atomic)` : r.outcome === "uninstalled" ? `${r.namespace}/${r.name}: not installed: ${r.detail}` : r.outcome === "no-good-revision" ? `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, not rolled back: ${r.detail}` : `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, ROLLBACK FAILED${r.to ? ` (to revision ${r.to})` : ""}: ${r.detail}`
  ).join("\n");
}
async function helmRollbackCommand(argv, io) {
  const f = parseFlags(argv, ["helmfile", "timeout", "since", "log"], "helm-rollback");
  const timeout = f.timeout ?? "10m";
  if (!/^\d+[smh]$/.test(timeout)) throw new UsageError(`helm-rollback: --timeout must be a duration like 10m, got ${JSON.stringify(timeout)}`);
  const since = f.since ? Date.parse(f.since) : void 0;
  if (since !== void 0 && !Number.isFinite(since)) throw new UsageError(`helm-rollback: --since must be an ISO 8601 UTC time, as date -u +%Y-%m-%dT%H:%M:%SZ prints it (when helmfile apply started), got ${JSON.stringify(f.since)}`);
  let log = "";
  if (f.log) {
    try {
      log = readText(f.log, "the helmfile log");
    } catch {
      log = "";
    }
  }
  const results = helmRollback({ helmfile: f.helmfile ?? "platform/helmfile.yaml", timeout, ...since !== void 0 ? { since } : {}, log, env: io.env });
  const text = describeRollbacks(results);
  setOutput(io, "rolled_back", JSON.stringify(results.filter((x) => x.outcome === "rolled-back").map(({ name, namespace, from, to }) => ({ name, namespace, from, to }))));
  setOutput(io, "releases", JSON.stringify(results.map(({ name, namespace, outcome, from, to, as, chart, appVersion }) => ({ name, namespace, outcome, from, to, as, chart, appVersion }))));
  appendSummary(io, `### Helm rollback

${mdFence(text)}
`);
  if (results.some((x) => !SETTLED.has(x.outcome))) throw new CheckFailed(text);
  io.stdout(`${text}
`);
  return 0;
}

// generator/runtime/manifest-check.ts
import { readFileSync as readFileSync3 } from "node:fs";
import { join as join2 } from "node:path";

// node_modules/@noble/hashes/_u64.js
var fromNumH = (n) => n / 2 ** 32 | 0;
var fromNumL = (n) => n >>> 0;
function setU64FromNum(view, byteOffset, n, isLE) {
  const h = fromNumH(n);
  const l = fromNumL(n);
  view.setUint32(byteOffset, isLE ? l : h, isLE);
  view.setUint32(byteOffset + 4, isLE ? h : l, isLE);
}

// node_modules/@noble/hashes/utils.js
function isBytes(a) {
  return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array" && "BYTES_PER_ELEMENT" in a && a.BYTES_PER_ELEMENT === 1;
}
var atitle = (title) => title ? `"${title}" ` : "";
function anumber(n, title = "") {
  if (typeof n !== "number")
    throw new TypeError(atitle(title) + "expected number, got " + typeof n);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(atitle(title) + "expected integer >= 0, got " + n);
  return n;
}
function abytes(value, length, title = "") {
  if (isBytes(value) && (length === void 0 || value.length === length))
    return value;
  if (length !== void 0)
    anumber(length, "length");
  const bytes = isBytes(value);
  const ofLen = length !== void 0 ? ` of length ${length}` : "";
  const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
  const message = atitle(title) + "expected Uint8Array" + ofLen + ", got " + got;
  if (!bytes)
    throw new TypeError(message);
  throw new RangeError(message);
}
var aobject = (value, label) => {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new TypeError((label === "object" ? "" : `"${label}" `) + "expected object, got type=" + typeof value);
};
var aopts = (value, label) => {
  aobject(value, label);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new TypeError(`"${label}" expected plain object`);
  if (Object.hasOwn(value, "__proto__"))
    throw new TypeError(`"${label}.__proto__" is not allowed`);
};
function aexists(instance, checkFinished = true) {
  if (instance.destroyed)
    throw new Error("hash was destroyed");
  if (checkFinished && instance.finished)
    throw new Error("digest() was already called");
}
function aoutput(out, instance) {
  abytes(out, void 0, "output");
  const min = instance.outputLen;
  if (!(out.length >= min)) {
    throw new RangeError('"output" expected length >= ' + min);
  }
}
function clean2(...arrays) {
  for (let i = 0; i < arrays.length; i++) {
    arrays[i].fill(0);
  }
}
function createView(arr) {
  return new DataView(arr.buffer, arr.byteOffset, arr.byteLength);
}
function rotr(word, shift) {
  return word << 32 - shift | word >>> shift;
}
var hasHexBuiltin = /* @__PURE__ */ (() => (
  // @ts-ignore
  typeof Uint8Array.from([]).toHex === "function" && typeof Uint8Array.fromHex === "function"
))();
var hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function bytesToHex(bytes) {
  abytes(bytes);
  if (hasHexBuiltin)
    return bytes.toHex();
  let hex = "";
  for (let i = 0; i < bytes.length; i++) {
    hex += hexes[bytes[i]];
  }
  return hex;
}
function utf8ToBytes(str) {
  if (typeof str !== "string")
    throw new TypeError("string expected");
  const encoded = new TextEncoder().encode(str);
  try {
    return new Uint8Array(encoded);
  } finally {
    clean2(encoded);
  }
}
function checkOpts(defaults, opts, title = "opts") {
  aopts(defaults, "defaults");
  if (opts !== void 0)
    aopts(opts, title);
  const merged = Object.assign(/* @__PURE__ */ Object.create(null), defaults, opts);
  return merged;
}
function createHasher(hashCons, info = {}) {
  if (typeof hashCons !== "function")
    throw new TypeError('"hashCons" expected function, got type=' + typeof hashCons);
  info = checkOpts({}, info, "info");
  const hashC = (msg, opts) => hashCons(opts).update(msg).digest();
  const tmp = hashCons(void 0);
  hashC.outputLen = tmp.outputLen;
  hashC.blockLen = tmp.blockLen;
  hashC.canXOF = tmp.canXOF;
  hashC.create = (opts) => hashCons(opts);
  Object.assign(hashC, info);
  return Object.freeze(hashC);
}
var oidNist = (suffix) => ({
  // Current NIST hashAlgs suffixes used here fit in one DER subidentifier octet.
  // Larger suffix values would need base-128 OID encoding and a different length byte.
  oid: Uint8Array.from([6, 9, 96, 134, 72, 1, 101, 3, 4, 2, suffix])
});

// node_modules/@noble/hashes/_md.js
function Chi(a, b, c) {
  return a & b ^ ~a & c;
}
function Maj(a, b, c) {
  return a & b ^ a & c ^ b & c;
}
var HashMD = class {
  blockLen;
  outputLen;
  canXOF = false;
  padOffset;
  isLE;
  // For partial updates less than block size
  buffer;
  view;
  finished = false;
  length = 0;
  pos = 0;
  destroyed = false;
  constructor(blockLen, outputLen, padOffset, isLE) {
    this.blockLen = blockLen;
    this.outputLen = outputLen;
    this.padOffset = padOffset;
    this.isLE = isLE;
    this.buffer = new Uint8Array(blockLen);
    this.view = createView(this.buffer);
  }
  update(data) {
    aexists(this);
    abytes(data);
    const { view, buffer, blockLen } = this;
    const len = data.length;
    let processed = false;
    for (let pos = 0; pos < len; ) {
      const take = Math.min(blockLen - this.pos, len - pos);
      if (take === blockLen) {
        const dataView = createView(data);
        for (; blockLen <= len - pos; pos += blockLen)
          this.process(dataView, pos);
        processed = true;
        continue;
      }
      buffer.set(pos === 0 && take === len ? data : data.subarray(pos, pos + take), this.pos);
      this.pos += take;
      pos += take;
      if (this.pos === blockLen) {
        this.process(view, 0);
        this.pos = 0;
        processed = true;
      }
    }
    this.length += data.length;
    if (processed)
      this.roundClean();
    return this;
  }
  digestInto(out) {
    aexists(this);
    aoutput(out, this);
    this.finished = true;
    const { buffer, view, blockLen, isLE } = this;
    let { pos } = this;
    buffer[pos++] = 128;
    buffer.fill(0, pos);
    if (this.padOffset > blockLen - pos) {
      this.process(view, 0);
      buffer.fill(0);
    }
    setU64FromNum(view, blockLen - 8, this.length * 8, isLE);
    this.process(view, 0);
    this.roundClean();
    const oview = out === buffer ? view : createView(out);
    const len = this.outputLen;
    const outLen = len / 4;
    const state = this.get();
    if (len % 4 || outLen > state.length)
      throw new Error("invalid outputLen");
    for (let i = 0; i < outLen; i++)
      oview.setUint32(4 * i, state[i], isLE);
  }
  digest() {
    const { buffer, outputLen } = this;
    this.digestInto(buffer);
    const res = buffer.slice(0, outputLen);
    this.destroy();
    return res;
  }
  _cloneIntoMeta(to) {
    const { buffer, length, finished, destroyed, pos } = this;
    to.destroyed = destroyed;
    to.finished = finished;
    to.length = length;
    to.pos = pos;
    if (pos)
      to.buffer.set(buffer);
    return to;
  }
  clone() {
    return this._cloneInto();
  }
};
var SHA256_IV = /* @__PURE__ */ Uint32Array.from([
  1779033703,
  3144134277,
  1013904242,
  2773480762,
  1359893119,
  2600822924,
  528734635,
  1541459225
]);

// node_modules/@noble/hashes/sha2.js
var SHA256_K = /* @__PURE__ */ Uint32Array.from([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
var SHA256_W = /* @__PURE__ */ new Uint32Array(64);
var SHA2_32B = class extends HashMD {
  // We cannot use array here since array allows indexing by variable
  // which means optimizer/compiler cannot use registers.
  // Numeric initializers matter: starting the fields as `undefined` changes
  // V8's field representation and makes sha256 3x slower (measured).
  A = 0;
  B = 0;
  C = 0;
  D = 0;
  E = 0;
  F = 0;
  G = 0;
  H = 0;
  constructor(outputLen, IV) {
    super(64, outputLen, 8, false);
    this.A = IV[0] | 0;
    this.B = IV[1] | 0;
    this.C = IV[2] | 0;
    this.D = IV[3] | 0;
    this.E = IV[4] | 0;
    this.F = IV[5] | 0;
    this.G = IV[6] | 0;
    this.H = IV[7] | 0;
  }
  get() {
    const { A, B, C, D, E, F, G, H } = this;
    return [A, B, C, D, E, F, G, H];
  }
  // prettier-ignore
  set(A, B, C, D, E, F, G, H) {
    this.A = A | 0;
    this.B = B | 0;
    this.C = C | 0;
    this.D = D | 0;
    this.E = E | 0;
    this.F = F | 0;
    this.G = G | 0;
    this.H = H | 0;
  }
  _cloneInto(to) {
    (to ||= new this.constructor()).set(...this.get());
    return this._cloneIntoMeta(to);
  }
  process(view, offset) {
    for (let i = 0; i < 16; i++, offset += 4)
      SHA256_W[i] = view.getUint32(offset, false);
    for (let i = 16; i < 64; i++) {
      const W15 = SHA256_W[i - 15];
      const W2 = SHA256_W[i - 2];
      const s0 = rotr(W15, 7) ^ rotr(W15, 18) ^ W15 >>> 3;
      const s1 = rotr(W2, 17) ^ rotr(W2, 19) ^ W2 >>> 10;
      SHA256_W[i] = s1 + SHA256_W[i - 7] + s0 + SHA256_W[i - 16] | 0;
    }
    let { A, B, C, D, E, F, G, H } = this;
    for (let i = 0; i < 64; i++) {
      const sigma1 = rotr(E, 6) ^ rotr(E, 11) ^ rotr(E, 25);
      const T1 = H + sigma1 + Chi(E, F, G) + SHA256_K[i] + SHA256_W[i] | 0;
      const sigma0 = rotr(A, 2) ^ rotr(A, 13) ^ rotr(A, 22);
      const T2 = sigma0 + Maj(A, B, C) | 0;
      H = G;
      G = F;
      F = E;
      E = D + T1 | 0;
      D = C;
      C = B;
      B = A;
      A = T1 + T2 | 0;
    }
    A = A + this.A | 0;
    B = B + this.B | 0;
    C = C + this.C | 0;
    D = D + this.D | 0;
    E = E + this.E | 0;
    F = F + this.F | 0;
    G = G + this.G | 0;
    H = H + this.H | 0;
    this.set(A, B, C, D, E, F, G, H);
  }
  roundClean() {
    clean2(SHA256_W);
  }
  destroy() {
    this.destroyed = true;
    this.set(0, 0, 0, 0, 0, 0, 0, 0);
    clean2(this.buffer);
  }
};
var _SHA256 = class extends SHA2_32B {
  constructor() {
    super(32, SHA256_IV);
  }
};
var sha256 = /* @__PURE__ */ createHasher(
  () => new _SHA256(),
  /* @__PURE__ */ oidNist(1)
);

// generator/src/changeset.ts
var MANIFEST_PATH = ".opsta/manifest.json";
var sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));
var SAFE_PATH = /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._/-]+$/;
var HEX64 = /^[0-9a-f]{64}$/;
function isIgnoredPath(path) {
  return path === ".git" || path.startsWith(".git/") || path === ".opsta.lock" || path === ".opsta-staging" || path.startsWith(".opsta-staging/");
}
function parseManifest(text) {
  if (text === void 0) return { files: {} };
  let json2;
  try {
    json2 = JSON.parse(text);
  } catch (e) {
    return { files: {}, problem: `${MANIFEST_PATH} is not valid JSON (${e.message})` };
  }
  const files = json2?.files;
  if (typeof files !== "object" || files === null || Array.isArray(files)) return { files: {}, problem: `${MANIFEST_PATH} has no "files" map` };
  const out = {};
  for (const [p, h] of Object.entries(files)) {
    if (typeof h === "string" && HEX64.test(h) && SAFE_PATH.test(p) && p !== MANIFEST_PATH && !isIgnoredPath(p)) out[p] = h;
  }
  return { files: out };
}

// generator/runtime/manifest-check.ts
function manifestDrift(manifestText, hashOf) {
  const m = parseManifest(manifestText);
  if (m.problem) throw new UsageError(m.problem);
  const out = [];
  for (const [path, want] of Object.entries(m.files).sort(([a], [b]) => a < b ? -1 : 1)) {
    const have = hashOf(path);
    if (have === void 0) out.push({ path, problem: "missing" });
    else if (have !== want) out.push({ path, problem: "edited" });
  }
  return out;
}
function hashOnDisk(root) {
  return (path) => {
    try {
      return sha256Hex(readFileSync3(join2(root, path), "utf8"));
    } catch {
      return void 0;
    }
  };
}
function describeManifestDrift(drift2) {
  if (drift2.length === 0) return "Every generated file is as Opsta wrote it.";
  return [
    `${drift2.length} generated file${drift2.length === 1 ? "" : "s"} differ from what Opsta wrote (.opsta/manifest.json):`,
    ...drift2.map((d) => `  ${d.problem === "missing" ? "missing" : "edited "} ${d.path}${d.path === "opsta.plan.yaml" ? " (the plan changed but the repository was not regenerated: run opsta generate and commit the result)" : ""}`),
    "Change opsta.plan.yaml and run `opsta generate` instead of editing generated files; a hand edit is overwritten, or blocks, the next regeneration."
  ].join("\n");
}

// generator/runtime/revert.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";

// generator/runtime/reviewed-plan.ts
async function mergedPullOf(gh, r, sha, base) {
  const pulls = await gh.paginate(gh.rest.repos.listPullRequestsAssociatedWithCommit, { ...r, commit_sha: sha, per_page: 100 });
  const merged = pulls.filter((p) => p.merged_at);
  const mine = merged.find((p) => p.merge_commit_sha === sha && (base === void 0 || p.base.ref === base));
  const others = merged.filter((p) => p !== mine).map((p) => p.number);
  return mine ? { pull: { number: mine.number, title: mine.title, headSha: mine.head.sha }, others } : { others };
}
var FINISHED = /* @__PURE__ */ new Set(["success", "failure"]);
async function reviewedPlanRun(gh, r, pull, workflow) {
  const runs = await gh.paginate(gh.rest.actions.listWorkflowRuns, { ...r, workflow_id: workflow, head_sha: pull.headSha, event: "pull_request", status: "completed", per_page: 100 });
  const candidates = runs.filter(
    (x) => x.head_sha === pull.headSha && x.event === "pull_request" && x.status === "completed" && FINISHED.has(x.conclusion ?? "") && // A run GitHub ties to other pull requests (the same head opened against another base) is theirs;
    // none listed is a fork's run or a closed pull request's, and counts.
    (!x.pull_requests?.length || x.pull_requests.some((p) => p.number === pull.number))
  );
  const when = (x) => Date.parse(x.run_started_at ?? x.created_at);
  const best = candidates.sort((a, b) => when(b) - when(a) || b.id - a.id)[0];
  return best ? { run: { id: best.id, attempt: best.run_attempt ?? 1, conclusion: best.conclusion, url: best.html_url }, ignored: runs.length - 1 } : { ignored: runs.length };
}

// generator/runtime/revert.ts
var revertBranch = (sha) => `opsta/revert-${sha.slice(0, 12)}`;
function pushRevertBranch(o) {
  const env = { ...process.env, ...o.gitEnv, GIT_TERMINAL_PROMPT: "0" };
  const git = (args, cwd = o.cwd) => runOk("git", args, { cwd, env });
  if (run("git", ["cat-file", "-e", `${o.sha}^1`], { cwd: o.cwd, env }).code !== 0) git(["fetch", "--quiet", "--no-tags", "--depth=2", o.remote, o.sha]);
  const parents = git(["rev-list", "--parents", "-n", "1", o.sha]).trim().split(" ").length - 1;
  const date = git(["show", "-s", "--format=%cI", o.sha]).trim();
  const dir = mkdtempSync(join3(tmpdir(), "opsta-revert-"));
  const branch = revertBranch(o.sha);
  try {
    git(["worktree", "add", "--quiet", "--detach", dir, o.sha]);
    const revertEnv = { ...env, GIT_AUTHOR_NAME: "opsta", GIT_AUTHOR_EMAIL: "opsta@users.noreply.github.com", GIT_COMMITTER_NAME: "opsta", GIT_COMMITTER_EMAIL: "opsta@users.noreply.github.com", GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    const r = run("git", ["revert", "--no-edit", ...parents > 1 ? ["-m", "1"] : [], o.sha], { cwd: dir, env: revertEnv });
    if (r.code !== 0) throw new CheckFailed(`git revert ${o.sha.slice(0, 12)} does not apply cleanly (${r.stderr.trim().split("\n").pop()}); revert the merge by hand`);
    const commit = git(["rev-parse", "HEAD"], dir).trim();
    git(["push", "--quiet", "--force", o.remote, `${commit}:refs/heads/${branch}`], dir);
    return { branch, commit };
  } finally {
    run("git", ["worktree", "remove", "--force", dir], { cwd: o.cwd, env });
    rmSync(dir, { recursive: true, force: true });
  }
}
async function openRevertPullRequest(gh, r, p) {
  const open = await gh.rest.pulls.list({ ...r, state: "open", head: `${r.owner}:${p.branch}`, per_page: 10 });
  if (open.data[0]) return { number: open.data[0].number, url: open.data[0].html_url, created: false };
  const source = (await mergedPullOf(gh, r, p.sha, p.base).catch(() => void 0))?.pull;
  const title = source ? `Revert "${source.title}"` : `Revert ${p.sha.slice(0, 12)}`;
  const body = [
    `Stage ${mdCode(p.stage)} failed while applying ${mdCode(p.sha.slice(0, 12))}${source ? ` (merged from #${source.number})` : ""}${p.runUrl ? ` in [this run](${p.runUrl})` : ""}.`,
    "",
    "This pull request reverts that merge. **Terraform has no undo**: merging it plans and applies the previous configuration on top of whatever the failed apply left behind. Resources the failed apply already destroyed do not come back with their data, and the plan of this pull request shows what the revert would do. Review it like any other change, or close it and fix forward.",
    "",
    source ? "" : `_The merged pull request could not be found; ${mdText(p.sha)} is the commit reverted._`
  ].join("\n");
  const { data } = await gh.rest.pulls.create({ ...r, title: title.slice(0, 250), head: p.branch, base: p.base, body, maintainer_can_modify: true });
  return { number: data.number, url: data.html_url, created: true };
}

// generator/runtime/status-branch.ts
import { mkdtempSync as mkdtempSync2, rmSync as rmSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join4 } from "node:path";

// generator/runtime/status-log.ts
var EVENT_TYPES = ["deploy", "health", "drift", "destroy"];
var NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
function parseEvent(json2, defaults) {
  if (typeof json2 !== "object" || json2 === null || Array.isArray(json2)) throw new UsageError('--event must be a JSON object like {"type":"deploy","environment":"prod","status":"success"}');
  const e = json2;
  if (!EVENT_TYPES.includes(e.type)) throw new UsageError(`--event: "type" must be one of ${EVENT_TYPES.join(", ")}`);
  if (typeof e.environment !== "string" || !NAME.test(e.environment)) throw new UsageError('--event: "environment" must be a name (letters, digits, . _ -)');
  if (typeof e.status !== "string" || !NAME.test(e.status)) throw new UsageError('--event: "status" must be a word like success, failure, drifted');
  if (e.id !== void 0 && (typeof e.id !== "string" || !NAME.test(e.id))) throw new UsageError('--event: "id" must be a name (letters, digits, . _ -)');
  if (e.at !== void 0 && (typeof e.at !== "string" || Number.isNaN(Date.parse(e.at)))) throw new UsageError('--event: "at" must be an ISO 8601 time');
  return { ...defaults.sha ? { sha: defaults.sha } : {}, ...defaults.runId ? { runId: defaults.runId } : {}, ...e, id: e.id ?? defaults.id, at: e.at ?? defaults.at };
}
function emptyStatus() {
  return { version: 1, environments: {} };
}
function parseStatus(text) {
  if (text === void 0) return emptyStatus();
  const j = JSON.parse(text);
  if (j?.version !== 1 || typeof j.environments !== "object" || j.environments === null) throw new UsageError("status.json on the status branch is not an Opsta status file (version 1)");
  return j;
}
function historyIds(history) {
  const ids = /* @__PURE__ */ new Set();
  for (const line of history.split("\n")) {
    if (!line.trim()) continue;
    try {
      const id = JSON.parse(line).id;
      if (typeof id === "string") ids.add(id);
    } catch {
    }
  }
  return ids;
}
function applyEvent(statusText, historyText, event) {
  const history = historyText ?? "";
  const status = parseStatus(statusText);
  if (historyIds(history).has(event.id)) return { status: statusText ?? `${JSON.stringify(status, null, 2)}
`, history, added: false };
  const env = status.environments[event.environment] ??= {};
  const prev = env[event.type];
  if (!prev || Date.parse(prev.at) <= Date.parse(event.at)) env[event.type] = event;
  const sep2 = history === "" || history.endsWith("\n") ? "" : "\n";
  return { status: `${JSON.stringify(status, null, 2)}
`, history: `${history}${sep2}${JSON.stringify(event)}
`, added: true };
}

// generator/runtime/status-branch.ts
var IDENTITY = { GIT_AUTHOR_NAME: "opsta", GIT_AUTHOR_EMAIL: "opsta@users.noreply.github.com", GIT_COMMITTER_NAME: "opsta", GIT_COMMITTER_EMAIL: "opsta@users.noreply.github.com" };
function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
function appendStatusEvent(event, opts) {
  const dir = mkdtempSync2(join4(tmpdir2(), "opsta-status-"));
  const env = { ...process.env, ...IDENTITY, ...opts.gitEnv, GIT_TERMINAL_PROMPT: "0" };
  const git = (args, input) => runOk("git", ["--git-dir", dir, ...args], { env, ...input !== void 0 ? { input } : {} });
  const attempts = opts.attempts ?? 10;
  try {
    runOk("git", ["init", "--quiet", "--bare", dir], { env });
    for (let attempt = 1; ; attempt++) {
      const fetched = run("git", ["--git-dir", dir, "fetch", "--quiet", "--no-tags", "--depth=1", opts.remote, `+refs/heads/${opts.branch}:refs/opsta/tip`], { env });
      let parent;
      if (fetched.code === 0) parent = git(["rev-parse", "refs/opsta/tip"]).trim();
      else if (!/couldn't find remote ref|not found/i.test(fetched.stderr)) throw new CheckFailed(`cannot fetch ${opts.branch}: ${fetched.stderr.trim().split("\n").pop()}`);
      const show = (file) => parent ? run("git", ["--git-dir", dir, "show", `${parent}:${file}`], { env }) : void 0;
      const s = show("status.json");
      const h = show("history.jsonl");
      const next = applyEvent(s?.code === 0 ? s.stdout : void 0, h?.code === 0 ? h.stdout : void 0, event);
      if (!next.added && parent) return { added: false, attempts: attempt, commit: parent };
      const blob = (text) => git(["hash-object", "-w", "--stdin"], text).trim();
      const tree = git(["mktree"], `100644 blob ${blob(next.history)}	history.jsonl
100644 blob ${blob(next.status)}	status.json
`).trim();
      const commit = git(["commit-tree", tree, ...parent ? ["-p", parent] : [], "-m", `${event.type} ${event.environment}: ${event.status} (${event.id})`]).trim();
      const pushed = run("git", ["--git-dir", dir, "push", "--quiet", "--porcelain", opts.remote, `${commit}:refs/heads/${opts.branch}`], { env });
      if (pushed.code === 0) return { added: true, attempts: attempt, commit };
      const rejected = /rejected|non-fast-forward|fetch first|failed to update ref|cannot lock ref|stale info/i.test(pushed.stderr + pushed.stdout);
      if (!rejected) throw new CheckFailed(`cannot push ${opts.branch}: ${(pushed.stderr || pushed.stdout).trim().split("\n").pop()}`);
      if (attempt >= attempts) throw new CheckFailed(`status branch ${opts.branch}: another writer won ${attempts} times in a row; the event ${event.id} was not written, rerun the job`);
      (opts.sleep ?? sleepSync)(Math.round(50 * attempt + Math.random() * 200 * attempt));
    }
  } finally {
    rmSync2(dir, { recursive: true, force: true });
  }
}
function githubRemote(env, override) {
  const remote = override ?? `${(env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "")}/${env.GITHUB_REPOSITORY}.git`;
  const gitEnv = {};
  if (env.GITHUB_TOKEN && /^https:/.test(remote)) {
    const basic = Buffer.from(`x-access-token:${env.GITHUB_TOKEN}`).toString("base64");
    Object.assign(gitEnv, { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: `http.${new URL(remote).origin}/.extraheader`, GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` });
  }
  return { remote, gitEnv };
}

// generator/runtime/commands.ts
var STAGE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
function stageFlag(flags, cmd) {
  const s = required(flags, "stage", cmd);
  if (!STAGE.test(s)) throw new UsageError(`${cmd}: --stage must be a stage id like 10-network, got ${JSON.stringify(s)}`);
  return s;
}
function writeSection(dir, name, section) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join5(dir, `${name}.${section.type}-summary.json`), `${JSON.stringify(section, null, 2)}
`);
}
var changedStacks = async (argv, io) => {
  const f = parseFlags(argv, ["base", "head", "pipeline"], "changed-stacks");
  const base = required(f, "base", "changed-stacks");
  const head = required(f, "head", "changed-stacks");
  for (const [k, v] of [["base", base], ["head", head]]) if (v.startsWith("-")) throw new UsageError(`changed-stacks: --${k} must be a ref or commit, got ${JSON.stringify(v)}`);
  const pipeline = parsePipeline(readJson(f.pipeline ?? ".opsta/pipeline.json", "the pipeline file"));
  const paths = runOk("git", ["diff", "--name-only", "--no-renames", `${base}...${head}`, "--"]).split("\n").filter(Boolean);
  const changed = changedStages(pipeline, paths);
  const planned = changed.filter((s) => s.planOnPullRequest);
  setOutput(io, "stacks", JSON.stringify(planned.map((s) => s.id)));
  setOutput(io, "all", JSON.stringify(changed.map((s) => s.id)));
  setOutput(io, "any", String(planned.length > 0));
  io.stdout(`${paths.length} changed file(s); stages to plan: ${planned.map((s) => s.id).join(", ") || "none"}${changed.length > planned.length ? `; apply-only (not planned on pull requests): ${changed.filter((s) => !s.planOnPullRequest).map((s) => s.id).join(", ")}` : ""}
`);
  return 0;
};
var summarizePlanCmd = async (argv, io) => {
  const f = parseFlags(argv, ["stage", "plan-json", "out-dir"], "summarize-plan");
  const stage = stageFlag(f, "summarize-plan");
  const summary = summarizePlan(stage, readJson(required(f, "plan-json", "summarize-plan"), "the plan JSON"));
  writeSection(required(f, "out-dir", "summarize-plan"), stage, summary);
  const md = renderSection(summary);
  io.stdout(md);
  appendSummary(io, md);
  return 0;
};
var summarizeHelm = async (argv, io) => {
  const f = parseFlags(argv, ["stage", "diff", "out-dir", "title"], "summarize-helm");
  const stage = stageFlag(f, "summarize-helm");
  const section = { type: "text", stage, title: f.title ?? "Helm changes (rendered manifests)", body: readText(required(f, "diff", "summarize-helm"), "the Helm diff"), lang: "diff" };
  writeSection(required(f, "out-dir", "summarize-helm"), stage, section);
  appendSummary(io, renderSection(section));
  return 0;
};
function readSections(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new UsageError(`comment: cannot read --from ${dir} (${e.code}); pass the directory the summarize-* steps wrote`);
  }
  return names.filter((n) => /\.(plan|text|cost)-summary\.json$/.test(n)).sort().map((n) => {
    const s = readJson(join5(dir, n), "a summary");
    if (!["plan", "text", "cost"].includes(s?.type)) throw new UsageError(`${join5(dir, n)} is not a summary written by summarize-plan, summarize-helm or budget`);
    return s;
  });
}
function pullRequestNumber(io, flag) {
  if (flag !== void 0) {
    if (!/^[1-9]\d*$/.test(flag)) throw new UsageError(`comment: --pr must be a pull request number, got ${JSON.stringify(flag)}`);
    return Number(flag);
  }
  const n = eventPayload(io)?.pull_request?.number;
  if (typeof n !== "number") throw new UsageError("comment: no pull request number: pass --pr or run on a pull_request event (GITHUB_EVENT_PATH)");
  return n;
}
var comment = async (argv, io) => {
  const f = parseFlags(argv, ["marker", "from", "pr", "title"], "comment");
  const markerName = required(f, "marker", "comment");
  if (!/^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/.test(markerName)) throw new UsageError(`comment: --marker must be letters, digits and : . _ -, got ${JSON.stringify(markerName)}`);
  const sections = readSections(required(f, "from", "comment"));
  const input = { markerName, sections, ...runUrl(io) ? { runUrl: runUrl(io) } : {}, ...io.env.GITHUB_SHA ? { sha: io.env.GITHUB_SHA } : {}, ...f.title ? { title: f.title } : {} };
  const { body, truncated } = renderComment(input);
  appendSummary(io, renderFull(input));
  const gh = githubClient(io);
  const r = repository(io);
  const pr = pullRequestNumber(io, f.pr);
  const res = await again(gh, () => upsertComment(gh, r, pr, markerName, body));
  setOutput(io, "comment_id", String(res.id));
  io.stdout(`${res.created ? "created" : "updated"} comment ${res.id} (${body.length} characters${truncated ? ", shortened to fit" : ""})
`);
  return 0;
};
var budget = async (argv, io) => {
  const f = parseFlags(argv, ["cost", "base-cost", "ack-label", "out-dir"], "budget");
  const costPath = required(f, "cost", "budget");
  const cost = parseCost(readJson(costPath, "the cost estimate"), costPath);
  const base = f["base-cost"] ? parseCost(readJson(f["base-cost"], "the base cost estimate"), f["base-cost"]) : void 0;
  const labels = (eventPayload(io)?.pull_request?.labels ?? []).map((l) => String(l?.name));
  const section = checkBudget(cost, { ...base ? { base } : {}, labels, ackLabel: f["ack-label"] ?? DEFAULT_ACK_LABEL });
  if (f["out-dir"]) writeSection(f["out-dir"], "cost", section);
  setOutput(io, "status", section.status === "no-budget" ? "ok" : section.status);
  appendSummary(io, renderSection(section));
  if (section.status === "over") throw new CheckFailed(section.message);
  io.stdout(`${section.status === "warn" ? "warning: " : ""}${section.message}
`);
  if (section.status === "warn") io.stdout(`::warning title=Budget::${section.message}
`);
  return 0;
};
var comparePlan = async (argv, io) => {
  const f = parseFlags(argv, ["reviewed", "fresh", "stage"], "compare-plan");
  const diffs = comparePlans(readJson(required(f, "reviewed", "compare-plan"), "the reviewed plan JSON"), readJson(required(f, "fresh", "compare-plan"), "the fresh plan JSON"));
  const text = describeDifferences(f.stage, diffs);
  appendSummary(io, diffs.length ? `### Plan changed since review

${mdFence(text)}
` : `${text}
`);
  if (diffs.length) throw new CheckFailed(text);
  io.stdout(`${text}
`);
  return 0;
};
var deployment = async (argv, io) => {
  const [sub, ...rest] = argv;
  const r = repository(io);
  if (sub === "start") {
    const f = parseFlags(rest, ["environment", "ref"], "deployment start");
    const ref = f.ref ?? requireEnv(io, "GITHUB_SHA", "it is the commit deployed (or pass --ref)");
    const gh = githubClient(io);
    const d = { environment: required(f, "environment", "deployment start"), ref, runId: `${requireEnv(io, "GITHUB_RUN_ID", "it keys the deployment to this run")}` };
    const res = await again(gh, () => startDeployment(gh, r, d));
    setOutput(io, "deployment_id", String(res.id));
    io.stdout(`${res.created ? "created" : "reusing"} deployment ${res.id}
`);
    return 0;
  }
  if (sub === "stage" || sub === "finish") {
    const f = parseFlags(rest, sub === "stage" ? ["id", "stage", "state"] : ["id", "state"], `deployment ${sub}`);
    const id = integerFlag(f, "id", `deployment ${sub}`);
    if (sub === "stage") {
      const stage = stageFlag(f, "deployment stage");
      const state = oneOf(required(f, "state", "deployment stage"), ["started", "succeeded", "failed"], "deployment stage --state");
      const gh = githubClient(io);
      await again(gh, () => deploymentStatus(gh, r, id, "in_progress", `${stage}: ${state}`, runUrl(io)));
    } else {
      const state = oneOf(required(f, "state", "deployment finish"), ["success", "failure"], "deployment finish --state");
      const gh = githubClient(io);
      await again(gh, () => deploymentStatus(gh, r, id, state, state === "success" ? "every stage applied" : "a stage failed; see the run", runUrl(io)));
    }
    return 0;
  }
  throw new UsageError("deployment: the first argument must be start, stage or finish");
};
var revertPr = async (argv, io) => {
  const f = parseFlags(argv, ["stage", "sha", "base", "remote"], "revert-pr");
  const stage = stageFlag(f, "revert-pr");
  const sha = f.sha ?? requireEnv(io, "GITHUB_SHA", "it is the merge commit to revert (or pass --sha)");
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new UsageError(`revert-pr: --sha must be a full 40-character commit id, got ${JSON.stringify(sha)}`);
  const repo = repository(io);
  const ev = eventPayload(io);
  const base = f.base ?? (typeof ev?.ref === "string" ? ev.ref.replace(/^refs\/heads\//, "") : void 0) ?? requireEnv(io, "GITHUB_REF_NAME", "it is the branch the revert targets (or pass --base)");
  const { remote, gitEnv } = githubRemote(io.env, f.remote);
  const { branch } = pushRevertBranch({ cwd: process.cwd(), sha, remote, gitEnv });
  const gh = githubClient(io);
  const pr = await again(gh, () => openRevertPullRequest(gh, repo, { stage, sha, branch, base, ...runUrl(io) ? { runUrl: runUrl(io) } : {} }));
  setOutput(io, "pr_number", String(pr.number));
  setOutput(io, "pr_url", pr.url);
  io.stdout(`${pr.created ? "opened" : "already open:"} revert pull request #${pr.number} ${pr.url}
`);
  appendSummary(io, `Stage \`${stage}\` failed: revert pull request [#${pr.number}](${pr.url}).
`);
  return 0;
};
var statusAppend = async (argv, io) => {
  const f = parseFlags(argv, ["event", "branch", "remote"], "status-append");
  let json2;
  try {
    json2 = JSON.parse(required(f, "event", "status-append"));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`status-append: --event is not valid JSON (${e.message})`);
  }
  const runId = io.env.GITHUB_RUN_ID;
  const type = json2?.type;
  const stage = json2?.stage;
  const defaults = {
    id: [runId ?? `local${Date.now()}`, io.env.GITHUB_RUN_ATTEMPT ?? "1", String(type), ...typeof stage === "string" ? [stage] : []].join("-").replace(/[^A-Za-z0-9._-]/g, "_"),
    at: (/* @__PURE__ */ new Date()).toISOString(),
    ...io.env.GITHUB_SHA ? { sha: io.env.GITHUB_SHA } : {},
    ...runId ? { runId } : {}
  };
  const event = parseEvent(json2, defaults);
  const branch = f.branch ?? "opsta-status";
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(branch) || branch.includes("..")) throw new UsageError(`status-append: --branch must be a branch name, got ${JSON.stringify(branch)}`);
  const { remote, gitEnv } = githubRemote(io.env, f.remote);
  const res = appendStatusEvent(event, { remote, branch, gitEnv });
  io.stdout(res.added ? `appended ${event.type} event ${event.id} to ${branch} (attempt ${res.attempts})
` : `event ${event.id} is already on ${branch}; nothing to do
`);
  return 0;
};
var drift = async (argv, io) => {
  const f = parseFlags(argv, ["stage", "exitcode", "plan-json"], "drift");
  const stage = stageFlag(f, "drift");
  const code = integerFlag(f, "exitcode", "drift");
  if (code !== 0 && code !== 2) throw new CheckFailed(`drift: terraform plan of ${stage} failed (exit ${code}); the drift issue is left as it is. See the plan step's log.`);
  let details = "";
  if (code === 2) {
    if (!f["plan-json"]) throw new UsageError("drift: --plan-json is required when --exitcode is 2 (drift found)");
    details = renderSection(summarizePlan(stage, readJson(f["plan-json"], "the plan JSON")));
  }
  const gh = githubClient(io);
  const r = repository(io);
  const res = await again(gh, () => syncDriftIssue(gh, r, stage, code === 2 ? { stage, details, ...runUrl(io) ? { runUrl: runUrl(io) } : {} } : void 0));
  io.stdout(`${stage}: ${code === 2 ? "drift found" : "no drift"}; issue ${res.action}${res.number ? ` (#${res.number})` : ""}
`);
  if (details) appendSummary(io, details);
  return 0;
};
var reviewedPlan = async (argv, io) => {
  const f = parseFlags(argv, ["sha", "workflow", "base"], "reviewed-plan");
  const sha = f.sha ?? requireEnv(io, "GITHUB_SHA", "it is the merged commit being applied (or pass --sha)");
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new UsageError(`reviewed-plan: --sha must be a full 40-character commit id, got ${JSON.stringify(sha)}`);
  const workflow = f.workflow ?? "plan.yml";
  if (!/^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.ya?ml|[1-9]\d*)$/.test(workflow)) throw new UsageError(`reviewed-plan: --workflow must be a workflow file name like plan.yml (or its id), got ${JSON.stringify(workflow)}`);
  const gh = githubClient(io);
  const r = repository(io);
  const short = sha.slice(0, 12);
  const base = f.base ?? (io.env.GITHUB_REF_NAME || void 0);
  if (base !== void 0 && (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/.test(base) || base.includes(".."))) throw new UsageError(`reviewed-plan: --base must be a branch name, got ${JSON.stringify(base)}`);
  const { pull, others } = await mergedPullOf(gh, r, sha, base);
  const plan = pull ? await reviewedPlanRun(gh, r, pull, workflow) : void 0;
  setOutput(io, "run_id", plan?.run ? String(plan.run.id) : "");
  setOutput(io, "run_attempt", plan?.run ? String(plan.run.attempt) : "");
  setOutput(io, "pr_number", pull ? String(pull.number) : "");
  setOutput(io, "head_sha", pull?.headSha ?? "");
  let text;
  if (!pull) {
    text = `No reviewed plan for ${short}: no merged pull request${base ? ` into ${base}` : ""} has it as its merge commit${others.length ? ` (it is only part of ${others.map((n) => `#${n}`).join(", ")})` : ""}. Only stages without changes, and apply-only stages approved in the environment, can be applied.`;
    io.stdout(`::notice title=No reviewed plan::${text}
`);
  } else if (!plan?.run) {
    text = `No reviewed plan for ${short}: pull request #${pull.number} was merged from ${pull.headSha.slice(0, 12)}, and no completed ${workflow} run (success or failure) of that final head was found. Plans of earlier heads do not count.`;
    io.stdout(`::notice title=No reviewed plan::${text}
`);
  } else {
    text = `Reviewed plans of pull request #${pull.number}: ${workflow} run ${plan.run.id} (attempt ${plan.run.attempt}, ${plan.run.conclusion}) of its final head ${pull.headSha.slice(0, 12)}.`;
    io.stdout(`${text}
`);
  }
  appendSummary(io, `${text}
`);
  return 0;
};
var health = async (argv, io) => {
  const f = parseFlags(argv, ["pipeline", "out", "only", "dns"], "health");
  const list = (v) => v ? v.split(",").map((x) => x.trim()).filter(Boolean) : void 0;
  const only = list(f.only);
  const dns = list(f.dns);
  const report = await runHealth(readJson(f.pipeline ?? ".opsta/pipeline.json", "the pipeline file"), { env: io.env, ...only ? { only } : {}, ...dns ? { dnsServers: dns } : {} });
  if (f.out) writeFileSync(f.out, `${JSON.stringify(report, null, 2)}
`);
  const md = renderHealthMarkdown(report);
  appendSummary(io, md);
  io.stdout(md);
  if (report.status === "fail") throw new CheckFailed(`health: ${report.checks.filter((c) => c.status === "fail").length} check(s) failed; see the report`);
  return 0;
};
var manifestCheck = async (argv, io) => {
  const f = parseFlags(argv, ["manifest", "root"], "manifest-check");
  const root = f.root ?? ".";
  const manifestPath = f.manifest ?? join5(root, ".opsta/manifest.json");
  const drift2 = manifestDrift(readText(manifestPath, "the manifest"), hashOnDisk(root));
  const text = describeManifestDrift(drift2);
  appendSummary(io, drift2.length ? `### Generated files edited by hand

${mdFence(text)}
` : `${text}
`);
  if (drift2.length) throw new CheckFailed(text);
  io.stdout(`${text}
`);
  return 0;
};
var COMMANDS = {
  "changed-stacks": { run: changedStacks, summary: "--base <ref> --head <ref>: stages whose inputs changed (stacks=<json>)" },
  "summarize-plan": { run: summarizePlanCmd, summary: "--stage <id> --plan-json <file> --out-dir <dir>: a plan as counts, destructive changes, resources" },
  "summarize-helm": { run: summarizeHelm, summary: "--stage <id> --diff <file> --out-dir <dir>: the Helm diff as a comment section" },
  comment: { run: comment, summary: "--marker <name> --from <dir>: the sticky pull-request comment" },
  budget: { run: budget, summary: "--cost <json>: fail over budget.monthlyUsd, warn at 80 %" },
  "compare-plan": { run: comparePlan, summary: "--reviewed <json> --fresh <json>: stop when the plan changed since review" },
  deployment: { run: deployment, summary: "start|stage|finish: the GitHub Deployment and its statuses" },
  "apply-outcome": { run: applyOutcomeCommand, summary: "--steps <json> [--job-status s] [--deployment-id n]: what a failed apply did and what follows (revert_stage= only for a failed terraform apply)" },
  "helm-rollback": { run: helmRollbackCommand, summary: "roll failed Helm releases back to their last good revision" },
  "reviewed-plan": { run: reviewedPlan, summary: "[--sha <commit>] [--base <branch>] [--workflow plan.yml]: the plan run reviewed on the merged pull request (run_id=, pr_number=)" },
  "revert-pr": { run: revertPr, summary: "--stage <id>: open a pull request reverting the merge" },
  "status-append": { run: statusAppend, summary: "--event <json>: append to the opsta-status branch" },
  drift: { run: drift, summary: "--stage <id> --exitcode <n> [--plan-json <file>]: the drift tracking issue" },
  health: { run: health, summary: "[--out <file>] [--only <ids>]: the platform health checks (JSON report and Markdown)" },
  "manifest-check": { run: manifestCheck, summary: "generated files edited by hand (.opsta/manifest.json)" }
};

// generator/runtime/main.ts
function usage() {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [`opsta runtime ${RUNTIME_VERSION}: node .opsta/opsta.mjs <subcommand> [flags]`, "", ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`), "", "See docs/runtime.md in the Opsta repository.", ""].join("\n");
}
function oneLine(s) {
  return s.replace(/\u001b/g, "\\u001b");
}
async function runtimeMain(argv, io = processIo()) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version") {
    io.stdout(`${RUNTIME_VERSION}
`);
    return 0;
  }
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : void 0;
  if (!cmd) {
    io.stderr(`opsta runtime: unknown subcommand ${JSON.stringify(name)}
${usage()}`);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof CheckFailed || e instanceof UsageError) {
      const [first, ...more2] = oneLine(e.message).split("\n");
      io.stderr(`::error title=opsta ${name}::${first}
${more2.length ? `${more2.join("\n")}
` : ""}`);
      return e.exitCode;
    }
    io.stderr(`opsta runtime: internal error in ${name}: ${oneLine(e instanceof Error ? e.message : String(e)).split("\n")[0]}
This is a bug in the Opsta runtime; please report it with the command.
`);
    return 70;
  }
}

// generator/runtime/cli.ts
process.exitCode = await runtimeMain(process.argv.slice(2));
/*! Bundled license information:

content-type/dist/index.js:
  (*!
   * content-type
   * Copyright(c) 2015 Douglas Christopher Wilson
   * MIT Licensed
   *)

@octokit/request-error/dist-src/index.js:
  (* v8 ignore else -- @preserve -- Bug with vitest coverage where it sees an else branch that doesn't exist *)

@octokit/request/dist-bundle/index.js:
  (* v8 ignore next -- @preserve *)
  (* v8 ignore else -- @preserve *)

@octokit/graphql/dist-bundle/index.js:
  (* v8 ignore if -- @preserve *)
*/
