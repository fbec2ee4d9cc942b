import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the command line: rewrites the classes of a jar as Java 8 class files, with
 * the stack map frames that version requires, into a directory that the shaded jar takes
 * them from.
 * <p>
 * Why: picocli ships Java 5 class files, which the JVM verifies with its old, slow verifier
 * on every start and which an AppCDS archive cannot hold (JDK 17 skips class files older
 * than Java 6). Picocli is most of what a command loads before it reaches the database, so
 * as Java 8 class files it moves into the launcher's archive with the rest. The bytecode
 * itself is unchanged: only the version and the frames are new.
 * <p>
 * Run with the ASM jar and the jar to rewrite on the class path:
 * {@code java -cp asm.jar:picocli.jar UpgradeClassFiles.java picocli.jar target/classes}.
 */
public final class UpgradeClassFiles {

	private UpgradeClassFiles() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		Path output = Path.of(args[1]);
		int count = 0;
		try (ZipFile zip = new ZipFile(jar.toFile());
				URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				String name = entry.getName();
				if (!name.endsWith(".class") || name.startsWith("META-INF/")) {
					continue;
				}
				byte[] upgraded = upgrade(zip.getInputStream(entry).readAllBytes(), loader);
				Path target = output.resolve(name);
				Files.createDirectories(target.getParent());
				Files.write(target, upgraded);
				count++;
			}
		}
		System.out.println("Rewrote " + count + " class files of " + jar.getFileName() + " as Java 8 class files");
	}

	private static byte[] upgrade(byte[] classFile, ClassLoader loader) {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {

			// Frames merge types: resolve them among the jar's own classes, not the build's.
			@Override
			protected String getCommonSuperClass(String first, String second) {
				try {
					Class<?> a = Class.forName(first.replace('/', '.'), false, loader);
					Class<?> b = Class.forName(second.replace('/', '.'), false, loader);
					if (a.isAssignableFrom(b)) {
						return first;
					}
					if (b.isAssignableFrom(a)) {
						return second;
					}
					if (a.isInterface() || b.isInterface()) {
						return "java/lang/Object";
					}
					do {
						a = a.getSuperclass();
					}
					while (!a.isAssignableFrom(b));
					return a.getName().replace('.', '/');
				}
				catch (ClassNotFoundException ex) {
					throw new IllegalStateException("Cannot resolve " + first + " or " + second, ex);
				}
			}

		};
		new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {

			@Override
			public void visit(int version, int access, String name, String signature, String superName,
					String[] interfaces) {
				super.visit(Math.max(version & 0xFFFF, Opcodes.V1_8), access, name, signature, superName, interfaces);
			}

		}, ClassReader.SKIP_FRAMES);
		return writer.toByteArray();
	}

}
