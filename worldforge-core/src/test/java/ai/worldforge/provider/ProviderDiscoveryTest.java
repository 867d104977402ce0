package ai.worldforge.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link java.util.ServiceLoader}-based discovery of external providers ({@link ProviderFactory}). */
class ProviderDiscoveryTest {
    @TempDir
    Path dir;

    private WorldForge.Builder builder(Map<String, String> env) {
        return WorldForge.builder().stateDir(dir.resolve("worlds")).environment(Environment.of(env));
    }

    @Test
    void factoriesOnTheClassPathAreDiscoveredAndRegisterWhenConfigured() {
        WorldForge unconfigured = builder(Map.of()).build();
        assertThat(unconfigured.discoveredProviders()).containsExactly(ExampleProviderFactory.NAME);
        assertThat(unconfigured.providers()).containsExactly("mock");
        assertThat(unconfigured.doctor().providerCount())
                .as("unregistered external providers stay out")
                .isEqualTo(9);

        WorldForge configured =
                builder(Map.of(ExampleProviderFactory.TOKEN, "t")).build();
        assertThat(configured.providers()).containsExactly(ExampleProviderFactory.NAME, "mock");
        assertThat(configured.embed(ExampleProviderFactory.NAME, "abc").vector())
                .containsExactly(3.0);
        assertThat(configured.providerProfile(ExampleProviderFactory.NAME).packageName())
                .isEqualTo("example-plugin");
        assertThat(configured.doctor(null, true).providers()).hasSize(2);
    }

    @Test
    void registrationFollowsAutoRegisterRemote() {
        WorldForge forge = builder(Map.of(ExampleProviderFactory.TOKEN, "t"))
                .autoRegisterRemote(false)
                .build();
        assertThat(forge.discoveredProviders()).containsExactly(ExampleProviderFactory.NAME);
        assertThat(forge.providers()).containsExactly("mock");
    }

    @Test
    void theDisableVariableTurnsDiscoveryOffUnlessTheBuilderSaysOtherwise() {
        Map<String, String> env = Map.of(ExampleProviderFactory.TOKEN, "t", ProviderFactories.DISABLE_ENV_VAR, "1");
        WorldForge disabled = builder(env).build();
        assertThat(disabled.discoveredProviders()).isEmpty();
        assertThat(disabled.providers()).containsExactly("mock");

        WorldForge blank = builder(Map.of(ExampleProviderFactory.TOKEN, "t", ProviderFactories.DISABLE_ENV_VAR, " "))
                .build();
        assertThat(blank.providers()).as("a blank value does not disable").contains(ExampleProviderFactory.NAME);

        WorldForge forced = builder(env).discoverProviders(true).build();
        assertThat(forced.providers()).contains(ExampleProviderFactory.NAME);
        WorldForge off = builder(Map.of(ExampleProviderFactory.TOKEN, "t"))
                .discoverProviders(false)
                .build();
        assertThat(off.discoveredProviders()).isEmpty();
        assertThat(off.providers()).containsExactly("mock");
    }

    // ---------------------------------------------------------------- separate jars

    private static final String PROVIDER_SOURCE = """
            package %1$s;

            import ai.worldforge.event.ProviderEventHandler;
            import ai.worldforge.model.EmbeddingResult;
            import ai.worldforge.provider.*;
            import java.util.List;

            public final class %2$s implements ProviderFactory {
                public String name() {
                    return "%3$s";
                }

                public BaseProvider create(Environment environment, ProviderEventHandler handler) {
                    return new BaseProvider(
                            ProviderProfile.builder("%4$s")
                                    .capabilities(ProviderCapabilities.of(Capability.EMBED))
                                    .build(),
                            environment,
                            handler) {
                        @Override
                        public EmbeddingResult embed(String text) {
                            return new EmbeddingResult("%4$s", "%2$s", List.of(1.0));
                        }
                    };
                }
            }
            """;

    /** A factory class: package, simple name, factory name, created provider name. */
    private record FactorySource(String packageName, String simpleName, String name, String providerName) {
        String className() {
            return packageName + "." + simpleName;
        }

        String source() {
            return PROVIDER_SOURCE.formatted(packageName, simpleName, name, providerName);
        }
    }

    /**
     * Compiles the factories against the core classes and packs them, with a services file listing
     * them, into a jar that is not on the test class path.
     */
    private Path jar(String jarName, FactorySource... factories) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assumeTrue(compiler != null, "needs a JDK with javac");
        Path sources = Files.createDirectories(dir.resolve(jarName + "-src"));
        Path classes = Files.createDirectories(dir.resolve(jarName + "-classes"));
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-classpath",
                location(ProviderFactory.class)
                        + java.io.File.pathSeparator
                        + location(org.jspecify.annotations.Nullable.class),
                "-nowarn"));
        for (FactorySource factory : factories) {
            Path file = sources.resolve(factory.simpleName() + ".java");
            Files.writeString(file, factory.source());
            args.add(file.toString());
        }
        int status = compiler.run(null, null, null, args.toArray(String[]::new));
        assertThat(status).as("javac exit status").isZero();
        Path jar = dir.resolve(jarName + ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            zip.putNextEntry(new JarEntry("META-INF/services/" + ProviderFactory.class.getName()));
            StringBuilder services = new StringBuilder("# test plugin\n");
            for (FactorySource factory : factories) {
                services.append(factory.className()).append('\n');
            }
            zip.write(services.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URLClassLoader loader(Path jar) {
        try {
            return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ProviderDiscoveryTest.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFactoryInASeparateJarIsDiscoveredThroughItsClassLoader() throws IOException {
        Path jar = jar("plugin", new FactorySource("jarplugin", "JarFactory", "jar-plugin", "jar-plugin"));
        try (URLClassLoader loader = loader(jar)) {
            assertThatThrownBy(() -> Class.forName("jarplugin.JarFactory"))
                    .as("the factory is not on the test class path")
                    .isInstanceOf(ClassNotFoundException.class);
            WorldForge forge = builder(Map.of()).classLoader(loader).build();
            assertThat(forge.discoveredProviders()).contains("jar-plugin", ExampleProviderFactory.NAME);
            assertThat(forge.providers()).containsExactly("jar-plugin", "mock");
            BaseProvider provider = forge.provider("jar-plugin").orElseThrow();
            assertThat(provider.getClass().getClassLoader()).isSameAs(loader);
            assertThat(forge.embed("jar-plugin", "x").model()).isEqualTo("JarFactory");
            assertThat(builder(Map.of(ProviderFactories.DISABLE_ENV_VAR, "yes"))
                            .classLoader(loader)
                            .build()
                            .providers())
                    .containsExactly("mock");
        }
    }

    @Test
    void twoFactoriesWithOneNameFailNamingBothClasses() throws IOException {
        Path jar = jar(
                "dup",
                new FactorySource("dupplugin", "FirstFactory", "dup-plugin", "dup-plugin"),
                new FactorySource("dupplugin", "SecondFactory", "dup-plugin", "dup-plugin"));
        try (URLClassLoader loader = loader(jar)) {
            assertThatThrownBy(() -> builder(Map.of()).classLoader(loader).build())
                    .isInstanceOf(WorldForgeException.class)
                    .hasMessage("Provider factories dupplugin.FirstFactory and dupplugin.SecondFactory both declare "
                            + "the provider name 'dup-plugin'. Provider names must be unique.");
            assertThat(dir.resolve("worlds"))
                    .as("nothing is created when discovery fails")
                    .doesNotExist();
        }
    }

    @Test
    void aFactoryShadowingACatalogProviderFails() throws IOException {
        Path jar = jar("shadow", new FactorySource("shadowplugin", "CosmosFactory", "cosmos", "cosmos"));
        try (URLClassLoader loader = loader(jar)) {
            assertThatThrownBy(() -> builder(Map.of()).classLoader(loader).build())
                    .isInstanceOf(WorldForgeException.class)
                    .hasMessage("Provider factory shadowplugin.CosmosFactory declares the name 'cosmos', which belongs "
                            + "to the built-in catalog provider 'cosmos'. External providers must use a different "
                            + "name.");
            assertThat(builder(Map.of())
                            .classLoader(loader)
                            .discoverProviders(false)
                            .build()
                            .providers())
                    .containsExactly("mock");
        }
    }

    @Test
    void aFactoryCreatingAProviderOfAnotherNameFails() throws IOException {
        Path jar = jar("mismatch", new FactorySource("mismatch", "LyingFactory", "declared", "actual"));
        try (URLClassLoader loader = loader(jar)) {
            assertThatThrownBy(() -> builder(Map.of()).classLoader(loader).build())
                    .isInstanceOf(WorldForgeException.class)
                    .hasMessage("Provider factory mismatch.LyingFactory declares 'declared' but created a provider "
                            + "named 'actual'; the names must match.");
        }
    }

    @Test
    void brokenServiceEntriesFailWithTheCause() throws IOException {
        Path jar = dir.resolve("broken.jar");
        try (JarOutputStream zip = new JarOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new JarEntry("META-INF/services/" + ProviderFactory.class.getName()));
            zip.write("no.such.Factory\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        try (URLClassLoader loader = loader(jar)) {
            assertThatThrownBy(() -> builder(Map.of()).classLoader(loader).build())
                    .isInstanceOf(WorldForgeException.class)
                    .hasMessageStartingWith("Provider factory discovery failed: ")
                    .hasMessageContaining("no.such.Factory");
        }
    }
}
