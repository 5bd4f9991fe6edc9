package org.perfalert.rules.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML file into located nodes, one per document (documents are separated by "---"), so
 * that what a scenario says can be checked and its mistakes pointed at by line and column.
 */
final class YamlDocuments {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlDocuments() { }

    static List<YamlNode> read(Path file) throws ScenarioError {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = FACTORY.createParser(reader)) {
            List<YamlNode> docs = new ArrayList<>();
            while (p.nextToken() != null) {
                YamlNode doc = node(file, p);
                if (!doc.isNull()) docs.add(doc); // an empty document, e.g. after a trailing ---
            }
            return docs;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("").trim();
            int line = at == null ? 1 : Math.max(1, at.getLineNr()), column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw ScenarioError.at(file, line, column, "not valid YAML: " + message);
        } catch (IOException e) {
            throw new ScenarioError(file + ":1:1: cannot be read: " + e.getMessage());
        }
    }

    /** The node starting at the parser's current token. */
    private static YamlNode node(Path file, JsonParser p) throws IOException, ScenarioError {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr(), column = at.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    p.nextToken();
                    if (map.put(key, node(file, p)) != null)
                        throw ScenarioError.at(file, keyAt.getLineNr(), keyAt.getColumnNr(), "\"" + key + "\" is given twice");
                }
                return new YamlNode(map, line, column);
            }
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(node(file, p));
                return new YamlNode(list, line, column);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> { return new YamlNode(p.getDoubleValue(), line, column); }
            case VALUE_TRUE, VALUE_FALSE -> { return new YamlNode(t == JsonToken.VALUE_TRUE, line, column); }
            case VALUE_NULL -> { return new YamlNode(null, line, column); }
            default -> { return new YamlNode(p.getText(), line, column); }
        }
    }
}
