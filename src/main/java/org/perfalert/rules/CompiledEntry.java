package org.perfalert.rules;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

import java.io.*;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.*;

/**
 * One compiled rule folder as bytes: a format line, the folder's key, its rule ids, then the Drools
 * packages (serialised, as classic Drools allows) with their SHA-256. Reading checks all of it, so a
 * damaged or foreign entry is refused rather than half used.
 */
final class CompiledEntry {
    static final String FORMAT = "perfalert compiled rules 1";

    private CompiledEntry() { }

    /** The rule base of an entry with this key, or null when it is not one or cannot be used. */
    static RuleBase read(InputStream stream, String key, RuleFolder folder) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
            if (!in.readUTF().equals(FORMAT) || !in.readUTF().equals(key)) return null;
            List<String> ids = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) ids.add(in.readUTF());
            byte[] digest = in.readNBytes(in.readInt()), packages = in.readNBytes(in.readInt());
            if (in.read() != -1 || !Arrays.equals(digest, sha256().digest(packages))) return null;
            List<KiePackage> read = new ArrayList<>();
            try (ObjectInputStream objects = new DroolsObjectInputStream(new ByteArrayInputStream(packages), CompiledEntry.class.getClassLoader())) {
                for (int n = objects.readInt(); n > 0; n--) read.add((KiePackage) objects.readObject());
            }
            RuleBase base = RuleCompiler.ruleBase(RuleCompiler.knowledgeBase(read), folder);
            return base.ruleIds().equals(ids) ? base : null;
        } catch (Exception | LinkageError e) { // damaged, or written by another build: compile instead
            return null;
        }
    }

    static void write(OutputStream stream, String key, RuleBase compiled) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new DroolsObjectOutputStream(bytes)) {
            Collection<KiePackage> packages = compiled.kieBase().getKiePackages();
            objects.writeInt(packages.size());
            for (KiePackage p : packages) objects.writeObject(p);
        }
        byte[] packages = bytes.toByteArray(), digest = sha256().digest(packages);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream))) {
            out.writeUTF(FORMAT);
            out.writeUTF(key);
            out.writeInt(compiled.ruleIds().size());
            for (String id : compiled.ruleIds()) out.writeUTF(id);
            out.writeInt(digest.length);
            out.write(digest);
            out.writeInt(packages.length);
            out.write(packages);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
