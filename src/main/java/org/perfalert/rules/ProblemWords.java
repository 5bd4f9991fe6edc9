package org.perfalert.rules;

import org.perfalert.config.Names;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Drools or Java compiler message said in the analyst's words, on one line, without the engine's
 * own text ("Unable to Analyse Expression …", "[Line: 29, Column: 4", "[ERR 102]"): "Series has no
 * property valeu (did you mean value?)". A misspelt property or method of a fact gets the nearest of
 * the fact's own names. A message not recognised is kept, tidied.
 */
final class ProblemWords {
    private static final Pattern STRICT = Pattern.compile("Unable to Analy[sz]e Expression (.*?): unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)", Pattern.DOTALL);
    private static final Pattern UNDEFINED = Pattern.compile("The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+)");
    private static final Pattern NO_FIELD = Pattern.compile("(\\w+) cannot be resolved or is not a field");
    private static final Pattern NO_VARIABLE = Pattern.compile("(\\$?\\w+) cannot be resolved to a variable");
    private static final Pattern NO_TYPE = Pattern.compile("Unable to resolve ObjectType '([\\w.]+)'");
    private static final Pattern NOT_RESOLVED = Pattern.compile("(\\$?[\\w.]+) cannot be resolved(?: to a type)?");
    private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+ (.*)", Pattern.DOTALL);
    private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(.*?)'(?: expecting (.*?))? in rule \"([^\"]+)\"", Pattern.DOTALL);
    private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*?)'(?: in rule \"([^\"]+)\")?");
    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '(.*?)' expecting (.*?)(?: in rule \"([^\"]+)\")?$");
    private static final Pattern MISSING = Pattern.compile("missing (.*?) at '(.*?)'(?: in rule \"([^\"]+)\")?");
    private static final Pattern INSERT = Pattern.compile("Syntax error, insert \"(.+?)\" to complete");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;?\\s*$");

    private ProblemWords() { }

    /** The message for the analyst; source is the text of the file it is about (for the fact types it imports). */
    static String plain(String text, String source) {
        Matcher m = STRICT.matcher(text);
        if (m.find()) {
            String member = m.group(3), expression = m.group(1);
            boolean asMethod = Pattern.compile("\\b" + Pattern.quote(member) + "\\s*\\(").matcher(expression).find();
            return member(simpleName(m.group(2)), type(m.group(2)), member, asMethod);
        }
        m = UNDEFINED.matcher(text);
        if (m.find()) return member(m.group(3), typeNamed(m.group(3), source), m.group(1), true);
        m = NO_FIELD.matcher(text);
        if (m.find()) return "no property or field " + m.group(1) + " here (check its spelling)";
        m = NO_TYPE.matcher(text);
        if (m.find()) return "no fact type " + m.group(1) + Names.didYouMean(m.group(1), imported(source)) + " (the facts are imported at the top of the file)";
        m = NO_VARIABLE.matcher(text);
        if (m.find()) {
            Set<String> words = wordsOf(source);
            words.remove(m.group(1));
            return m.group(1) + " is not known here: not a variable of this rule ($s …) nor a setting's global" + Names.didYouMean(m.group(1), words);
        }
        m = PARSER.matcher(text);
        if (m.find()) return parser(m.group(1).trim());
        if (text.contains("insert \";\"")) return "\";\" missing at the end of this statement (insert \";\")";
        m = INSERT.matcher(text);
        if (m.find()) return "\"" + m.group(1) + "\" missing in this statement (insert \"" + m.group(1) + "\")";
        m = NOT_RESOLVED.matcher(text);
        if (m.find()) return m.group(1) + " is not known here (check its spelling, or import it at the top of the file)";
        return tidy(text);
    }

    /** "Series has no property valeu (did you mean value?)" / "… no method sameMonthYearsAbvoe() (did you mean sameMonthYearsAbove()?)". */
    private static String member(String typeName, Class<?> type, String member, boolean asMethod) {
        String what = typeName + " has no " + (asMethod ? "method " + member + "()" : "property " + member);
        if (type == null) return what;
        Set<String> properties = new TreeSet<>(), methods = new TreeSet<>();
        for (Method x : type.getMethods()) {
            if (x.getDeclaringClass() == Object.class || Modifier.isStatic(x.getModifiers())) continue;
            methods.add(x.getName());
            String p = property(x);
            if (p != null) properties.add(p);
        }
        if (!asMethod) {
            Optional<String> near = Names.closest(member, properties);
            if (near.isPresent()) return what + " (did you mean " + near.get() + "?)";
            return what + Names.closest(member, methods).map(n -> " (did you mean " + n + "(…)?)").orElse("");
        }
        Optional<String> near = Names.closest(member, methods);
        if (near.isPresent()) return what + " (did you mean " + near.get() + "()?)";
        return what + Names.closest(member, properties).map(n -> " (did you mean the property " + n + "?)").orElse("");
    }

    /** getValue → value, isCounted → counted; null for other methods and getters with parameters. */
    private static String property(Method m) {
        if (m.getParameterCount() > 0) return null;
        String n = m.getName();
        int cut = n.startsWith("get") && n.length() > 3 ? 3 : n.startsWith("is") && n.length() > 2 ? 2 : 0;
        if (cut == 0 || !Character.isUpperCase(n.charAt(cut))) return null;
        return Character.toLowerCase(n.charAt(cut)) + n.substring(cut + 1);
    }

    private static String parser(String text) {
        Matcher m = MISMATCHED.matcher(text);
        if (m.find()) return "unexpected \"" + m.group(1) + "\" in rule \"" + m.group(3) + "\"" + (m.group(2) == null ? "" : " (expected " + m.group(2) + ")");
        m = NO_VIABLE.matcher(text);
        if (m.find()) return "cannot read \"" + m.group(1) + "\" here" + (m.group(2) == null ? "" : " in rule \"" + m.group(2) + "\"");
        m = EXTRANEOUS.matcher(text);
        if (m.find()) return "unexpected \"" + m.group(1) + "\" (expected " + m.group(2) + ")" + (m.group(3) == null ? "" : " in rule \"" + m.group(3) + "\"");
        m = MISSING.matcher(text);
        if (m.find()) return m.group(1) + " missing before \"" + m.group(2) + "\"" + (m.group(3) == null ? "" : " in rule \"" + m.group(3) + "\"");
        return tidy(text);
    }

    /** The message without the engine's brackets, positions and line breaks. */
    static String tidy(String text) {
        return text.replaceAll("\\s+", " ").replace("Rule Compilation error ", "").replaceAll("\\[Error: ", "")
                .replaceAll("\\[Near : \\{[^}]*}]", "").replaceAll("]? ?\\[Line: \\d+, Column: \\d+]?", "")
                .replaceAll("\\[Rule name='[^']*']", "").replaceAll(" \\^ ?", " ").replaceAll("\\s+", " ").replaceAll("]$", "").trim();
    }

    private static String simpleName(String className) { return className.substring(className.lastIndexOf('.') + 1); }

    private static Class<?> type(String className) {
        try { return Class.forName(className, false, ProblemWords.class.getClassLoader()); } catch (ClassNotFoundException | LinkageError e) { return null; }
    }

    /** The class a simple name stands for in a rule file: imported, or one of perfalert's own. */
    private static Class<?> typeNamed(String simple, String source) {
        for (String imported : importedClasses(source)) if (simpleName(imported).equals(simple)) return type(imported);
        for (String pkg : List.of("org.perfalert.rules.", "org.perfalert.model.")) {
            Class<?> c = type(pkg + simple);
            if (c != null) return c;
        }
        return null;
    }

    private static List<String> importedClasses(String source) {
        List<String> out = new ArrayList<>();
        if (source == null) return out;
        Matcher m = IMPORT.matcher(source);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static List<String> imported(String source) { return importedClasses(source).stream().map(ProblemWords::simpleName).toList(); }

    private static Set<String> wordsOf(String source) {
        Set<String> out = new TreeSet<>();
        if (source == null) return out;
        Matcher m = Pattern.compile("\\$?[A-Za-z_]\\w*").matcher(source);
        while (m.find()) out.add(m.group());
        return out;
    }
}
