package dev.corsfilter.javax;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cors-filter-javax jar runs on any Servlet 4.0 container: it names no {@code jakarta} type anywhere, and
 * every member of the servlet API it calls or reads exists in Servlet 4.0 (the javax.servlet classes on this
 * class path are javax.servlet-api 4.0.1's and Tomcat 9's). Methods it merely overrides that later versions added, if any, are never
 * called by a Servlet 4.0 container, so they are not judged.
 */
class ServletFourApiTest {

    private static Path jar;
    /** What the jar's code calls or reads in the servlet API, e.g. {@code javax/servlet/ServletRequest.getAttribute(Ljava/lang/String;)Ljava/lang/Object;}, with where. */
    private static final Map<String, String> USES = new TreeMap<>();
    private static final List<String> JAKARTA_MENTIONS = new ArrayList<>();
    private static int classes;

    @BeforeAll
    static void readTheJar() throws Exception {
        jar = Path.of(Class.forName("dev.corsfilter.CorsFilter").getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (entry.getName().endsWith(".class")) {
                    byte[] bytes = file.getInputStream(entry).readAllBytes();
                    if (new String(bytes, StandardCharsets.ISO_8859_1).contains("jakarta")) {
                        JAKARTA_MENTIONS.add(entry.getName());
                    }
                    new ClassReader(bytes).accept(new ServletUses(entry.getName()), ClassReader.SKIP_FRAMES);
                    classes++;
                }
            }
        }
    }

    @Test
    void theTestsRunTheRelocatedJarNotTheCoreClasses() throws Exception {
        assertThat(jar.getFileName().toString()).startsWith("cors-filter-javax-").endsWith(".jar");
        assertThat(classes).isGreaterThan(30);
        assertThat(Class.forName("javax.servlet.Filter")).isAssignableFrom(Class.forName("dev.corsfilter.CorsFilter"));
    }

    @Test
    void noClassNamesJakarta() {
        assertThat(JAKARTA_MENTIONS).isEmpty();
    }

    @Test
    void everyServletMemberItUsesExistsInServletFour() {
        assertThat(USES).as("the jar uses the servlet API").containsKey(
                "javax/servlet/http/HttpServletRequest.getHeaders(Ljava/lang/String;)Ljava/util/Enumeration;");
        List<String> missing = new ArrayList<>();
        USES.forEach((member, where) -> {
            if (!existsInServletFour(member)) {
                missing.add(member + " (used in " + where + ")");
            }
        });
        assertThat(missing).as("members absent from Servlet 4.0").isEmpty();
    }

    private static boolean existsInServletFour(String member) {
        int dot = member.indexOf('.');
        int paren = member.indexOf('(');
        String owner = member.substring(0, dot).replace('/', '.');
        String name = paren < 0 ? member.substring(dot + 1, member.indexOf(':')) : member.substring(dot + 1, paren);
        String descriptor = paren < 0 ? member.substring(member.indexOf(':') + 1) : member.substring(paren);
        try {
            Deque<Class<?>> types = new ArrayDeque<>(List.of(Class.forName(owner, false, ServletFourApiTest.class.getClassLoader())));
            while (!types.isEmpty()) {
                Class<?> type = types.pop();
                if (declares(type, name, descriptor, paren < 0)) {
                    return true;
                }
                if (type.getSuperclass() != null) {
                    types.push(type.getSuperclass());
                }
                types.addAll(List.of(type.getInterfaces()));
            }
            return false;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean declares(Class<?> type, String name, String descriptor, boolean field) {
        if (field) {
            for (Field candidate : type.getDeclaredFields()) {
                if (candidate.getName().equals(name) && Type.getDescriptor(candidate.getType()).equals(descriptor)) {
                    return true;
                }
            }
        } else if (name.equals("<init>")) {
            for (Constructor<?> candidate : type.getDeclaredConstructors()) {
                if (Type.getConstructorDescriptor(candidate).equals(descriptor)) {
                    return true;
                }
            }
        } else {
            for (Method candidate : type.getDeclaredMethods()) {
                if (candidate.getName().equals(name) && Type.getMethodDescriptor(candidate).equals(descriptor)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Collects the servlet API members a class's code calls, reads or refers to by method handle. */
    private static final class ServletUses extends ClassVisitor {

        private final String where;

        ServletUses(String where) {
            super(Opcodes.ASM9);
            this.where = where;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String type, boolean isInterface) {
                    use(owner, member + type);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String type) {
                    use(owner, member + ":" + type);
                }

                @Override
                public void visitInvokeDynamicInsn(String member, String type, Handle bootstrap, Object... arguments) {
                    for (Object argument : arguments) {
                        if (argument instanceof Handle handle) {
                            use(handle.getOwner(), handle.getName() + handle.getDesc());
                        }
                    }
                }
            };
        }

        private void use(String owner, String member) {
            if (owner.startsWith("javax/servlet/")) {
                USES.putIfAbsent(owner + "." + member, where);
            }
        }
    }
}
