import { describe, expect, it } from "vitest";
import { describeConfigFields } from "../../lib/workflow/config-fields";
import { templateLimits } from "../../lib/workflow/parse-template";
import {
  findTemplateError,
  listTemplatePaths,
  renderConfigTemplates,
  renderJsonTemplate,
  renderTemplate,
  type TemplateContext,
} from "../../lib/workflow/templates";

const ctx: TemplateContext = {
  trigger: {
    body: { order: { id: "ord_1", total: 12.5, paid: true, note: null }, tags: ["a", "b"] },
    headers: { "content-type": "application/json" },
  },
  steps: {
    http1: {
      response: {
        status: 200,
        body: { items: [{ id: 7, "display name": "Seven" }], "a.b": "dotted" },
      },
    },
  },
};

function renderedValue(result: { ok: true; value: string } | { ok: false; error: string }) {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.value;
}

function renderError(result: { ok: true; value: string } | { ok: false; error: string }) {
  if (result.ok) throw new Error(`expected an error, got: ${result.value}`);
  return result.error;
}

describe("renderTemplate", () => {
  it("returns text without templates unchanged", () => {
    expect(renderedValue(renderTemplate("plain } text { with braces }", ctx))).toBe(
      "plain } text { with braces }",
    );
  });

  it("inserts strings as they are, with or without spaces inside the braces", () => {
    expect(renderedValue(renderTemplate("id={{trigger.body.order.id}}", ctx))).toBe("id=ord_1");
    expect(renderedValue(renderTemplate("id={{  trigger.body.order.id  }}", ctx))).toBe("id=ord_1");
  });

  it("writes numbers, booleans and null as text", () => {
    const text =
      "{{trigger.body.order.total}} {{trigger.body.order.paid}} {{trigger.body.order.note}}";
    expect(renderedValue(renderTemplate(text, ctx))).toBe("12.5 true null");
  });

  it("writes objects and arrays as JSON", () => {
    expect(renderedValue(renderTemplate("{{trigger.body.tags}}", ctx))).toBe('["a","b"]');
    expect(renderedValue(renderTemplate("{{trigger.body.order}}", ctx))).toBe(
      '{"id":"ord_1","total":12.5,"paid":true,"note":null}',
    );
  });

  it("follows index and quoted-key segments", () => {
    const cases = {
      "{{steps.http1.response.body.items[0].id}}": "7",
      '{{steps.http1.response.body.items[0]["display name"]}}': "Seven",
      "{{steps.http1.response.body.items[0]['display name']}}": "Seven",
      '{{steps.http1.response.body["a.b"]}}': "dotted",
      "{{trigger.headers.content-type}}": "application/json",
    };
    for (const [text, expected] of Object.entries(cases)) {
      expect(renderedValue(renderTemplate(text, ctx))).toBe(expected);
    }
  });

  it("names a step that has not run before this node", () => {
    expect(renderError(renderTemplate("{{steps.http9.response}}", ctx))).toBe(
      "{{steps.http9.response}}: there is no step http9 before this node",
    );
  });

  it("names the missing key and where it was looked for", () => {
    expect(renderError(renderTemplate("{{trigger.body.x}}", ctx))).toBe(
      "{{trigger.body.x}}: trigger.body has no key 'x'",
    );
  });

  it("says how many items an array has when an index is past its end", () => {
    expect(renderError(renderTemplate("{{trigger.body.tags[5]}}", ctx))).toBe(
      "{{trigger.body.tags[5]}}: trigger.body.tags has no item [5] (it has 2)",
    );
  });

  it("says when a path goes into a value that has no keys", () => {
    expect(renderError(renderTemplate("{{trigger.body.order.id.first}}", ctx))).toBe(
      "{{trigger.body.order.id.first}}: trigger.body.order.id is a string, so it has no key 'first'",
    );
    expect(renderError(renderTemplate("{{trigger.body.order.note.x}}", ctx))).toMatch(
      /is null, so it has no key 'x'/,
    );
  });

  it("refuses an unterminated template", () => {
    expect(renderError(renderTemplate("Hello {{trigger.body", ctx))).toBe(
      'Unterminated "{{" at character 7: close it with "}}"',
    );
  });

  it("refuses an empty template and malformed paths", () => {
    expect(renderError(renderTemplate("{{}}", ctx))).toMatch(/^\{\{\}\}: write a path/);
    for (const text of [
      "{{trigger..body}}",
      "{{trigger.body[}}",
      "{{trigger.body[x]}}",
      "{{trigger body}}",
      '{{trigger["a}}',
    ]) {
      expect(renderTemplate(text, ctx).ok).toBe(false);
    }
  });
});

describe("hostile templates", () => {
  it("refuses paths that do not start at trigger or steps", () => {
    expect(renderError(renderTemplate("{{constructor.constructor}}", ctx))).toBe(
      '{{constructor.constructor}}: a path starts with trigger or steps, not "constructor"',
    );
    expect(renderTemplate("{{globalThis.process}}", ctx).ok).toBe(false);
  });

  it("refuses __proto__, constructor and prototype anywhere in a path", () => {
    expect(renderError(renderTemplate("{{__proto__.x}}", ctx))).toMatch(/^\{\{__proto__\.x\}\}:/);
    expect(renderError(renderTemplate("{{trigger.__proto__.x}}", ctx))).toBe(
      '{{trigger.__proto__.x}}: "__proto__" cannot be used in a path',
    );
    expect(renderTemplate("{{trigger.body.constructor}}", ctx).ok).toBe(false);
    expect(renderTemplate('{{trigger["constructor"]["prototype"]}}', ctx).ok).toBe(false);
  });

  it("refuses those keys even where the data holds them as own keys, as JSON.parse can", () => {
    const trigger: unknown = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": 1}, "x": {"prototype": 2}}',
    );
    const render = (text: string) => renderError(renderTemplate(text, { trigger, steps: {} }));
    expect(render("{{trigger.__proto__.polluted}}")).toMatch(/"__proto__" cannot be used/);
    expect(render("{{trigger.constructor}}")).toMatch(/"constructor" cannot be used/);
    expect(render("{{trigger.x.prototype}}")).toMatch(/"prototype" cannot be used/);
  });

  it("cannot reach inherited members such as toString", () => {
    expect(renderError(renderTemplate("{{trigger.body.toString}}", ctx))).toBe(
      "{{trigger.body.toString}}: trigger.body has no key 'toString'",
    );
    expect(renderTemplate("{{trigger.body.tags.map}}", ctx).ok).toBe(false);
    expect(renderTemplate("{{steps.hasOwnProperty}}", ctx).ok).toBe(false);
  });

  it("does not run getters found in the context", () => {
    let getterRuns = 0;
    const trigger = {
      get secret() {
        getterRuns += 1;
        return "leaked";
      },
    };
    expect(renderTemplate("{{trigger.secret}}", { trigger, steps: {} }).ok).toBe(false);
    expect(getterRuns).toBe(0);
  });

  it("never evaluates code written in a template", () => {
    for (const text of [
      "{{trigger.body.order.total * 2}}",
      "{{ (() => 1)() }}",
      "{{trigger.body.tags.length; process.exit()}}",
    ]) {
      expect(renderTemplate(text, ctx).ok).toBe(false);
    }
  });

  it("follows deep paths", () => {
    let deep: unknown = "bottom";
    for (let level = 0; level < 500; level += 1) deep = { next: deep };
    const path = `trigger${".next".repeat(500)}`;
    expect(renderedValue(renderTemplate(`{{${path}}}`, { trigger: deep, steps: {} }))).toBe(
      "bottom",
    );
  });

  it("refuses 1 MB of text quickly", () => {
    const started = performance.now();
    const error = renderError(renderTemplate("{{trigger.body}}".padEnd(1024 * 1024, "x"), ctx));
    expect(error).toBe("Text with templates may be at most 64 KiB long");
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("accepts text at the length limit", () => {
    const text = "x".repeat(templateLimits.maxTextChars);
    expect(renderedValue(renderTemplate(text, ctx))).toHaveLength(templateLimits.maxTextChars);
  });

  it("refuses 10 000 templates, by length or by count, and accepts 200", () => {
    const tenThousand = "{{steps}}".repeat(10_000);
    expect(renderError(renderTemplate(tenThousand, ctx))).toMatch(/at most 64 KiB/);
    const underLengthLimit = "{{steps}}".repeat(7_000);
    expect(renderError(renderTemplate(underLengthLimit, ctx))).toBe(
      "Text may hold at most 200 templates",
    );
    const twoHundred = "{{trigger.body.order.id}}".repeat(200);
    expect(renderedValue(renderTemplate(twoHundred, ctx))).toBe("ord_1".repeat(200));
  });

  it("parses pathological brace runs in linear time", () => {
    const inputs = [
      "{{".repeat(30_000),
      "{".repeat(60_000),
      "{{a".repeat(20_000) + "}}",
      "}}".repeat(30_000),
    ];
    const started = performance.now();
    const results = inputs.map((text) => renderTemplate(text, ctx).ok);
    expect(results).toEqual([false, false, false, true]);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("refuses nested braces instead of guessing", () => {
    expect(renderTemplate("{{{{trigger.body}}}}", ctx).ok).toBe(false);
    expect(renderTemplate("{{ trigger.{{steps}} }}", ctx).ok).toBe(false);
  });

  it("refuses a rendered text longer than the output limit", () => {
    const big = {
      trigger: { body: "x".repeat(templateLimits.maxRenderedChars / 2 + 1) },
      steps: {},
    };
    expect(renderError(renderTemplate("{{trigger.body}}{{trigger.body}}", big))).toBe(
      "The rendered text would be longer than 4 MiB",
    );
  });

  it("keeps an error message short when the template is huge", () => {
    const error = renderError(renderTemplate(`{{trigger.${"a".repeat(50_000)}!}}`, ctx));
    expect(error.length).toBeLessThan(300);
  });
});

describe("renderJsonTemplate", () => {
  it("puts the raw value in place of a string that is exactly one template", () => {
    const text = '{"order": "{{trigger.body.order}}", "total": "{{ trigger.body.order.total }}"}';
    expect(JSON.parse(renderedValue(renderJsonTemplate(text, ctx)))).toEqual({
      order: { id: "ord_1", total: 12.5, paid: true, note: null },
      total: 12.5,
    });
  });

  it("keeps booleans, null and arrays as JSON values", () => {
    const text =
      '["{{trigger.body.order.paid}}", "{{trigger.body.order.note}}", "{{trigger.body.tags}}"]';
    expect(renderedValue(renderJsonTemplate(text, ctx))).toBe('[true,null,["a","b"]]');
  });

  it("renders strings with other text around a template as text", () => {
    const text = '{"label": "Order {{trigger.body.order.id}} ({{trigger.body.order.total}})"}';
    expect(renderedValue(renderJsonTemplate(text, ctx))).toBe('{"label":"Order ord_1 (12.5)"}');
  });

  it("renders keys as text and walks nested objects and arrays", () => {
    const text =
      '{"{{trigger.body.order.id}}": {"items": [{"id": "{{steps.http1.response.body.items[0].id}}"}]}}';
    expect(renderedValue(renderJsonTemplate(text, ctx))).toBe('{"ord_1":{"items":[{"id":7}]}}');
  });

  it("escapes rendered text so data cannot break out of a JSON string", () => {
    const hostile = { trigger: { body: { name: '", "admin": true, "x": "' } }, steps: {} };
    const rendered = renderedValue(
      renderJsonTemplate('{"name": "Hi {{trigger.body.name}}"}', hostile),
    );
    expect(JSON.parse(rendered)).toEqual({ name: 'Hi ", "admin": true, "x": "' });
  });

  it("reads bracket keys that JSON escaping wrote with backslashes", () => {
    const text = '{"n": "{{steps.http1.response.body.items[0][\\"display name\\"]}}"}';
    expect(renderedValue(renderJsonTemplate(text, ctx))).toBe('{"n":"Seven"}');
  });

  it("returns JSON without templates exactly as written", () => {
    const text = '{\n  "a": 1\n}';
    expect(renderedValue(renderJsonTemplate(text, ctx))).toBe(text);
  });

  it("falls back to text rendering when the text is not JSON", () => {
    const text = '{"total": {{trigger.body.order.total}}}';
    expect(renderedValue(renderJsonTemplate(text, ctx))).toBe('{"total": 12.5}');
  });

  it("renders empty or blank text to an empty string", () => {
    expect(renderedValue(renderJsonTemplate("", ctx))).toBe("");
    expect(renderedValue(renderJsonTemplate("  \n", ctx))).toBe("");
  });

  it("reports a missing path inside a JSON document", () => {
    expect(renderError(renderJsonTemplate('{"a": "{{steps.http9.response}}"}', ctx))).toBe(
      "{{steps.http9.response}}: there is no step http9 before this node",
    );
  });

  it("counts templates across the whole document against the limit", () => {
    const values = Array.from({ length: 201 }, () => '"{{trigger.body.order.id}}"');
    expect(renderError(renderJsonTemplate(`[${values.join(",")}]`, ctx))).toBe(
      "Text may hold at most 200 templates",
    );
  });

  it("refuses JSON nested deeper than the limit without overflowing the stack", () => {
    const depth = 10_000;
    const text = `${"[".repeat(depth)}"{{trigger.body}}"${"]".repeat(depth)}`;
    expect(renderError(renderJsonTemplate(text, ctx))).toMatch(/nested deeper than 64 levels/);
  });

  it("reports a referenced value that cannot be written as JSON instead of dropping it", () => {
    const odd = { trigger: { body: { big: 10n } }, steps: {} };
    expect(renderError(renderJsonTemplate('{"a": "{{trigger.body}}"}', odd))).toBe(
      "A referenced value cannot be written as JSON",
    );
  });

  it("refuses 1 MB of JSON before parsing it", () => {
    const text = JSON.stringify({ a: "{{trigger.body}}", pad: "x".repeat(1024 * 1024) });
    expect(renderError(renderJsonTemplate(text, ctx))).toBe(
      "Text with templates may be at most 64 KiB long",
    );
  });
});

describe("renderConfigTemplates", () => {
  const fields = describeConfigFields("http-request");
  const config = {
    method: "POST",
    url: "https://api.example.com/orders/{{trigger.body.order.id}}",
    headers: { "X-Order": "{{trigger.body.order.id}}", "X-Static": "1" },
    query: { tag: "{{trigger.body.tags[0]}}" },
    body: '{"order": "{{trigger.body.order}}"}',
    timeoutMs: 10_000,
  };

  it("renders text fields, map values and JSON fields, and copies the rest", () => {
    const result = renderConfigTemplates(config, fields, ctx);
    expect(result).toEqual({
      ok: true,
      config: {
        method: "POST",
        url: "https://api.example.com/orders/ord_1",
        headers: { "X-Order": "ord_1", "X-Static": "1" },
        query: { tag: "a" },
        body: '{"order":{"id":"ord_1","total":12.5,"paid":true,"note":null}}',
        timeoutMs: 10_000,
      },
    });
  });

  it("leaves header names alone even when they look like templates", () => {
    const result = renderConfigTemplates({ ...config, headers: { "{{x}}": "1" } }, fields, ctx);
    expect(result.ok && result.config["headers"]).toEqual({ "{{x}}": "1" });
  });

  it("names the field whose template failed", () => {
    const result = renderConfigTemplates(
      { ...config, headers: { "X-A": "{{steps.nope}}" } },
      fields,
      ctx,
    );
    expect(result).toEqual({
      ok: false,
      field: "headers",
      error: "X-A: {{steps.nope}}: there is no step nope before this node",
    });
  });

  it("does not render fields that do not support templates", () => {
    const manualFields = describeConfigFields("manual-trigger");
    const result = renderConfigTemplates(
      { testPayload: '{"a": "{{trigger.body}}"}' },
      manualFields,
      ctx,
    );
    expect(result).toEqual({ ok: true, config: { testPayload: '{"a": "{{trigger.body}}"}' } });
  });
});

describe("listTemplatePaths", () => {
  it("lists each referenced path once, in order of first use, written canonically", () => {
    const text =
      '{{ trigger.body.id }}/{{steps.http1.response.body.items[0]["id"]}}/{{trigger.body.id}}';
    expect(listTemplatePaths(text)).toEqual([
      "trigger.body.id",
      "steps.http1.response.body.items[0].id",
    ]);
  });

  it("reads the strings of JSON text when asked to", () => {
    const text = '{"a": "{{steps.http1.response.body[\\"a b\\"]}}"}';
    expect(listTemplatePaths(text, "json")).toEqual(['steps.http1.response.body["a b"]']);
  });

  it("lists nothing for text that does not parse", () => {
    expect(listTemplatePaths("{{trigger.body}} {{oops")).toEqual([]);
  });
});

describe("findTemplateError", () => {
  it("accepts well-formed text whatever paths it names", () => {
    expect(findTemplateError("{{steps.later.output}}")).toBeUndefined();
  });

  it("reports syntax errors", () => {
    expect(findTemplateError("{{trigger.body")).toMatch(/Unterminated/);
  });

  it("checks JSON text the way JSON rendering reads it", () => {
    const text = '{"a": "{{trigger[\\"b\\"]}}"}';
    expect(findTemplateError(text, "json")).toBeUndefined();
    expect(findTemplateError(text, "text")).toBeDefined();
  });
});
