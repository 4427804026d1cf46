import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { isSetupComplete } from "@/lib/users/is-setup-complete";

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (!(await isSetupComplete())) redirect("/setup");
  return (
    <AuthCard title="Sign in" subtitle="Use the account your admin created for you.">
      <SignInForm />
    </AuthCard>
  );
}
