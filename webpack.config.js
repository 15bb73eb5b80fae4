// Webpack build for the Carbon Peak Excel add-in.
//
//   npm run build        production build into dist/ (manifest URLs rewritten to the production URL)
//   npm run build:dev    development build into dist/ (manifest keeps https://localhost:3000/)
//   npm run dev-server   https://localhost:3000 from memory (webpack serve)
//
// One shared runtime: dist/taskpane.html loads office.js, then functions.js and taskpane.js; the pane starts
// dist/mcworker.js as a Web Worker for the Monte Carlo.
// functions.js is also what the manifest's Functions.Script.Url names and must not touch the DOM at load
// time (tests run it in Node's vm), so no style/DOM loaders are added to it.

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { ZhCnMetadataPlugin } = require("./scripts/zh-cn-metadata.cjs");
const pkg = require("./package.json");

/** The URL base written in manifest.xml (development). */
const DEV_URL = "https://localhost:3000/";
/** Where the production build is served from unless ADDIN_PROD_URL says otherwise. Must end with "/". */
const DEFAULT_PROD_URL = "https://carbon-peak.github.io/excel-addin/";

function productionUrl() {
  const value = process.env.ADDIN_PROD_URL || DEFAULT_PROD_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_PROD_URL=${JSON.stringify(value)} is not an absolute URL`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_PROD_URL must be an https URL (got ${value})`);
  if (!value.endsWith("/")) throw new Error(`ADDIN_PROD_URL must end with "/" (got ${value})`);
  if (value.includes("localhost")) throw new Error(`ADDIN_PROD_URL must not point at localhost (got ${value})`);
  return value;
}

function devServerPort() {
  const fromEnv = process.env.npm_package_config_dev_server_port;
  return Number(fromEnv || (pkg.config && pkg.config.dev_server_port) || 3000);
}

/**
 * HTTPS options for webpack serve: the trusted office-addin-dev-certs certificate when it can be installed,
 * otherwise webpack-dev-server's own self-signed certificate (no sudo, CI, root without a trusted CA).
 */
async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options };
  } catch (err) {
    const reason = String((err && err.message) || err).split("\n")[0];
    console.warn(
      `[carbon-peak] No trusted dev certificate (${reason}); serving with webpack-dev-server's self-signed certificate, which Office may reject - to trust one, run: npx office-addin-dev-certs install`,
    );
    return "https";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const isProduction = mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const prodUrl = isProduction ? productionUrl() : null;

  const config = {
    mode,
    devtool: "source-map",
    target: ["web", "es2020"],
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      // The task pane's Monte Carlo Web Worker (engine only; not injected into taskpane.html).
      mcworker: "./src/taskpane/mcworker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") },
          },
        },
        {
          // zod's eval probe: skipped at run time (z.config({ jitless: true }) in the engine), its dead code
          // removed here so that no bundle holds eval text (scripts/zod-no-eval-loader.cjs).
          test: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
          use: { loader: path.resolve(__dirname, "scripts/zod-no-eval-loader.cjs") },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // functions.zh-CN.json (the manifest's zh-CN Functions.Metadata.Url) from functions.json and the
      // translation table src/functions/translations.zh-CN.json; a missing translation fails the build.
      new ZhCnMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
        inject: "head",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/.*"] } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (!isProduction) return content;
              return content.toString("utf8").replaceAll(DEV_URL, prodUrl);
            },
          },
        ],
      }),
    ],
    performance: {
      // office.js comes from the CDN; warn only when our own bundles grow past 1 MB.
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
  };

  // Only `webpack serve` needs certificates: a plain build must not touch office-addin-dev-certs.
  if (serving) {
    config.devServer = {
      port: devServerPort(),
      server: await httpsServer(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    };
  }

  return config;
};

module.exports.DEV_URL = DEV_URL;
module.exports.DEFAULT_PROD_URL = DEFAULT_PROD_URL;
